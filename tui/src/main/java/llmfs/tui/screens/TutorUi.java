package llmfs.tui.screens;

import llmfs.tui.app.TuiApp;
import llmfs.tui.widgets.Caps;
import llmfs.tutor.Session;

import java.io.IOException;
import java.io.PrintWriter;

/** Opens the full-screen tutor on the real terminal. */
public final class TutorUi {
    private TutorUi() {}

    /** Runs the UI until the learner quits; returns the process exit code. */
    public static int run(String workspaceOption, PrintWriter err) {
        if (!llmfs.tui.Tty.stdio()) {
            err.println("tutor: the full-screen tutor needs a terminal (stdin and stdout must be a tty).");
            err.println("       Run it in a terminal, or use the commands without the UI: tutor --help");
            err.flush();
            return 2;
        }
        Caps caps = Caps.fromSystem();
        try (Session s = Session.open(workspaceOption); UiContext ctx = new UiContext(s, caps)) {
            ctx.start();
            // A closed terminal (an SSH connection that drops, a closed window) ends the JVM through its shutdown
            // hooks, not through the UI: a lab still training then finishes its step and saves, as on quit.
            Thread saveLabs = new Thread(ctx::saveRunningLabs, "save-labs-on-exit");
            Runtime.getRuntime().addShutdownHook(saveLabs);
            try {
                new TuiApp(TuiApp.openTerminal(), caps).run(new CourseMapView(ctx));
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(saveLabs);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is already running
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("tutor: could not open the terminal: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
