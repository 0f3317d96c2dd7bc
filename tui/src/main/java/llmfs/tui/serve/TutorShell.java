package llmfs.tui.serve;

import com.googlecode.lanterna.screen.TerminalScreen;
import llmfs.tui.app.TuiApp;
import llmfs.tui.app.View;
import llmfs.tui.screens.ClassStatusView;
import llmfs.tui.screens.CourseMapView;
import llmfs.tui.screens.UiContext;
import llmfs.tui.widgets.Caps;
import llmfs.tutor.Session;
import llmfs.tutor.check.CheckRunner;
import llmfs.tutor.check.CheckService;
import llmfs.tutor.classroom.ClassFolder;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What one SSH login gets instead of a shell: the full-screen tutor on the channel — the course in the learner's own
 * workspace, or the class-status screen for a teacher. Ends when the person quits (the connection then closes) or
 * the connection drops (the UI stops, and a running lab finishes its step and saves, as for a closed terminal).
 */
final class TutorShell implements Command {
    private final ClassServer server;
    private final ClassFolder.Member member;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private volatile TuiApp app;
    private volatile boolean destroyed;
    private Thread thread;

    TutorShell(ClassServer server, ClassFolder.Member member) {
        this.server = server;
        this.member = member;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // the UI draws on the output; nothing goes to stderr
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        Map<String, String> vars = env.getEnv();
        int cols = number(vars.get(Environment.ENV_COLUMNS)), rows = number(vars.get(Environment.ENV_LINES));
        if (!server.join(this)) {
            out.write((member.name() + " is already connected (in another window or from another computer). The tutor "
                    + "runs once per learner: close the other session first (one that just dropped may take a few seconds to "
                    + "save its lab).\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            exit.onExit(1, "already connected");
            return;
        }
        String term = vars.get(Environment.ENV_TERM);
        if (term == null || term.isBlank() || cols <= 0 || rows <= 0) {
            out.write(("The tutor is a full-screen program and needs a terminal: connect with "
                    + "'ssh -t' from a terminal window.\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            server.left(this);
            exit.onExit(1, "no terminal");
            return;
        }
        SshTerminal terminal = new SshTerminal(in, out, cols, rows);
        env.addSignalListener((ch, signal) -> terminal.resized(number(env.getEnv().get(Environment.ENV_COLUMNS)),
                number(env.getEnv().get(Environment.ENV_LINES))), Signal.WINCH);
        Caps caps = Caps.fromEnvironment(new HashMap<>(vars));
        thread = new Thread(() -> run(terminal, caps), "ssh-" + member.name());
        thread.start();
    }

    private void run(SshTerminal terminal, Caps caps) {
        int rc = 0;
        try {
            TuiApp ui = new TuiApp(new TerminalScreen(terminal), caps).refuseSuspend(
                    "Not available on the class server: it needs a terminal of its own. Exercises: e edits here.");
            app = ui;
            if (destroyed) return;
            if (member.role() == ClassFolder.Role.TEACHER) {
                ui.run(new ClassStatusView(server.folder(), server.course(), server::liveSummary, caps));
            } else {
                runCourse(ui, caps);
            }
        } catch (IOException | RuntimeException e) {
            if (!destroyed) {
                rc = 1;
                server.log(member.name() + ": the session ended with an error: " + e);
            }
        } finally {
            server.left(this);
            try {
                exit.onExit(rc);
            } catch (RuntimeException closed) {
                // the channel is already gone
            }
        }
    }

    private void runCourse(TuiApp ui, Caps caps) throws IOException {
        try (Session s = Session.open(member.workspace().toString())) {
            // The learner's own check process, but the class's one compiler: thirty cold compilers at once would
            // cost the server's heap (and everyone's keystrokes) far more than waiting on a shared warm one.
            CheckService checks = new CheckService(s.workspace(), s.progress(), server.compiler(), new CheckRunner());
            try (UiContext ctx = new UiContext(s, caps, server.fairUse().seat(member.name()), checks)) {
                ctx.start();
                View first = new CourseMapView(ctx);
                ui.run(first);
            } finally { // closing the context stopped a running lab after its step and saved it
                checks.runner().close(); // the compiler stays, for the others
            }
        }
    }

    ClassFolder.Member member() {
        return member;
    }

    /** Waits for the session's thread to end (after a drop, while it saves a lab). */
    void join(long millis) throws InterruptedException {
        Thread t = thread;
        if (t != null) t.join(millis);
    }

    @Override
    public void destroy(ChannelSession channel) {
        destroyed = true;
        TuiApp a = app;
        if (a != null) a.quit();
        try {
            in.close(); // the UI's reader sees the end of input at once
        } catch (IOException ignored) {
            // closing a closed channel's stream
        }
    }

    private static int number(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
