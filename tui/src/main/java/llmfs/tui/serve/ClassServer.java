package llmfs.tui.serve;

import llmfs.tutor.classroom.ClassFolder;
import llmfs.tutor.check.LearnerCompiler;
import llmfs.tutor.classroom.FairUse;
import llmfs.tutor.course.Course;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A class over SSH: an embedded SSH server whose only service is the tutor. Each login is a {@link TutorShell} on
 * its channel; there is no shell, no command execution, no subsystem (so no SFTP or SCP) and no forwarding of ports,
 * agents or X11. Everyone shares one {@link FairUse} for checks and labs.
 */
public final class ClassServer implements AutoCloseable {
    private final ClassFolder folder;
    private final Course course;
    private final FairUse fairUse;
    private final Consumer<String> log;
    private final SshServer sshd;
    private final List<TutorShell> shells = new CopyOnWriteArrayList<>();
    private String fingerprint = "";
    private LearnerCompiler compiler;

    /**
     * @param host the address to listen on (127.0.0.1 for this machine only, 0.0.0.0 for every network)
     * @param port the TCP port (0: any free port, see {@link #port()})
     */
    public ClassServer(ClassFolder folder, Course course, FairUse fairUse, String host, int port, Consumer<String> log) {
        this.folder = folder;
        this.course = course;
        this.fairUse = fairUse;
        this.log = log;
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost(host);
        sshd.setPort(port);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(folder.hostKey());
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        sshd.setKeyPairProvider(keys);
        ClassAuthenticator auth = new ClassAuthenticator(folder, log);
        sshd.setPublickeyAuthenticator(auth);
        sshd.setPasswordAuthenticator(auth);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE));
        sshd.setShellFactory(channel -> {
            String name = channel.getSession().getUsername();
            ClassFolder.Member m = folder.member(name)
                    .orElseThrow(() -> new IOException(name + " is no longer a member of the class"));
            return new TutorShell(this, m);
        });
        sshd.setCommandFactory(null); // "ssh host command" is refused
        sshd.setSubsystemFactories(List.of()); // no sftp (and so no scp over sftp)
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
    }

    /** Generates the host key on first start (kept readable by this user only) and starts listening. */
    public void start() throws IOException {
        Files.createDirectories(folder.dir());
        ClassFolder.privateTo(folder.dir());
        SimpleGeneratorHostKeyProvider keys = (SimpleGeneratorHostKeyProvider) sshd.getKeyPairProvider();
        List<KeyPair> loaded = keys.loadKeys(null);
        ClassFolder.privateTo(folder.hostKey());
        if (!loaded.isEmpty()) fingerprint = KeyUtils.getFingerPrint(loaded.get(0).getPublic());
        sshd.start();
        Thread warm = new Thread(() -> compiler().warmUp(), "warm-compiler"); // the first check is then quick
        warm.setDaemon(true);
        warm.start();
    }

    /** The class's one compiler for learner code (thread-safe; compiles take turns), made on first use. */
    synchronized LearnerCompiler compiler() {
        if (compiler == null) compiler = new LearnerCompiler();
        return compiler;
    }

    /** The port it listens on (the real one when started with port 0). */
    public int port() {
        return sshd.getPort();
    }

    /** The host key's SHA-256 fingerprint, for learners to compare when ssh first asks. */
    public String fingerprint() {
        return fingerprint;
    }

    public ClassFolder folder() {
        return folder;
    }

    public Course course() {
        return course;
    }

    public FairUse fairUse() {
        return fairUse;
    }

    void log(String line) {
        log.accept(line);
    }

    /**
     * Registers a new login; false when the same learner is already connected. Two sessions on one workspace would
     * each keep their own copy of the progress file and overwrite each other's records. (Teachers only read, so
     * they may log in more than once.)
     */
    synchronized boolean join(TutorShell s) {
        if (s.member().role() == ClassFolder.Role.LEARNER) {
            for (TutorShell other : shells) {
                if (other.member().name().equals(s.member().name())) {
                    log.accept(s.member().name() + " tried to connect a second time; refused");
                    return false;
                }
            }
        }
        shells.add(s);
        log.accept(s.member().name() + " connected" + (s.member().role() == ClassFolder.Role.TEACHER ? " (teacher)" : ""));
        return true;
    }

    synchronized void left(TutorShell s) {
        if (shells.remove(s)) log.accept(s.member().name() + " left");
    }

    /** Who is connected now, sorted. */
    public Set<String> connected() {
        Set<String> names = new TreeSet<>();
        for (TutorShell s : shells) names.add(s.member().name());
        return names;
    }

    /** One line for the teacher's screen: who is on, and how busy the machine's shared slots are. */
    public String liveSummary() {
        Set<String> on = connected();
        return String.format(Locale.ROOT, "%d connected%s · checks: %d running, %d waiting (of %d at once) · labs: %d of %d",
                on.size(), on.isEmpty() ? "" : " (" + String.join(", ", on) + ")", fairUse.runningChecks(),
                fairUse.waitingChecks(), fairUse.limits().checks(), fairUse.runningLabs(), fairUse.limits().labs());
    }

    /**
     * Stops accepting and closes every connection; each session stops its lab after the current step and saves it
     * (waiting up to {@code saveMillis} in all).
     */
    public void stop(long saveMillis) {
        List<TutorShell> open = new ArrayList<>(shells);
        try {
            sshd.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.currentTimeMillis() + saveMillis;
        for (TutorShell s : open) {
            try {
                s.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        synchronized (this) {
            if (compiler != null) compiler.close();
            compiler = null;
        }
    }

    @Override
    public void close() {
        stop(15_000);
    }
}
