package llmfs.tui.screens;

import llmfs.tutor.Session;
import llmfs.tutor.check.CheckService;
import llmfs.tutor.classroom.FairUse;
import llmfs.tutor.check.Verdict;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.lab.LabRun;
import llmfs.tutor.lab.Labs;
import llmfs.tutor.lab.ShakespeareTokenizer;
import llmfs.tutor.watch.Watcher;
import llmfs.tui.widgets.Caps;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every screen shares: the session, the latest verdict per exercise, the one background thread that runs
 * checks (so checks never overlap), the file watcher that re-checks on save, and running labs. In a class served
 * over SSH, every check and lab also passes the class's {@link FairUse} seat, which shares the machine between
 * learners.
 */
public final class UiContext implements AutoCloseable {
    private final Session session;
    private final Caps caps;
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> checking = new ConcurrentHashMap<>();
    private final Map<String, ActiveLab> labs = new ConcurrentHashMap<>();
    private final Map<String, llmfs.tutor.lab.ModelSizes> labSizes = new ConcurrentHashMap<>();
    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "checker");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong changes = new AtomicLong();
    private Watcher watcher;
    private CompressionStudy compression;
    private Job<ShakespeareTokenizer.Loaded> tokenizer;
    private Job<llmfs.tutor.code.BenchReport> codeBench;
    private String watchNote = "";
    private final FairUse.Seat seat;
    private final CheckService checks;

    public UiContext(Session session, Caps caps) {
        this(session, caps, null);
    }

    /**
     * @param seat the learner's seat in a class (checks and labs wait for or are refused a turn), or null for a
     *             learner alone on the machine
     */
    public UiContext(Session session, Caps caps, FairUse.Seat seat) {
        this(session, caps, seat, null);
    }

    /**
     * @param seat   the learner's seat in a class, or null for a learner alone on the machine
     * @param checks the checking service to use instead of the session's own (a class server's, which shares one
     *               compiler between learners), or null
     */
    public UiContext(Session session, Caps caps, FairUse.Seat seat, CheckService checks) {
        this.session = session;
        this.caps = caps;
        this.seat = seat;
        this.checks = checks;
    }

    private CheckService checks() {
        return checks != null ? checks : session.checks();
    }

    /** Whether this session is one learner of a class (served over SSH) rather than the machine's only user. */
    public boolean inClass() {
        return seat != null;
    }

    /**
     * Watches the workspace for saves and, for a learner alone, starts the compiler/check process in the background.
     * In a class the check process starts with the learner's first check instead: thirty logins at once should not
     * start thirty JVMs on a small machine.
     */
    public void start() {
        if (seat == null) session.warmUp();
        try {
            watcher = Watcher.start(session.workspace(), session.course(), this::check);
            watchNote = "watching " + watcher.mode().toString().toLowerCase(java.util.Locale.ROOT);
        } catch (RuntimeException e) {
            watchNote = "not watching files (" + e.getMessage() + "); press c to check";
        }
    }

    public Session session() {
        return session;
    }

    public Caps caps() {
        return caps;
    }

    /** Queues a check of {@code e}; the verdict appears in {@link #verdict} when done. */
    public void check(Exercise e) {
        checking.put(e.id(), true);
        changes.incrementAndGet();
        checker.submit(() -> {
            try {
                verdicts.put(e.id(), seat == null ? checks().check(e) : seat.check(() -> checks().check(e)));
            } catch (FairUse.Refused ex) {
                verdicts.put(e.id(), Verdict.of(Verdict.Kind.INTERNAL, ex.getMessage(), ""));
            } catch (RuntimeException ex) {
                verdicts.put(e.id(), Verdict.of(Verdict.Kind.INTERNAL, "the check could not run: " + ex.getMessage(), ""));
            } finally {
                checking.remove(e.id());
                changes.incrementAndGet();
            }
        });
    }

    public Verdict verdict(Exercise e) {
        return verdicts.get(e.id());
    }

    public boolean isChecking(Exercise e) {
        return checking.containsKey(e.id());
    }

    /** Increases whenever a check starts or ends; views compare it to know when to redraw. */
    public long changeCount() {
        return changes.get();
    }

    /** Whether saved files are noticed (and checked) without a key press. */
    public boolean watching() {
        return watcher != null;
    }

    public String watchNote() {
        return watchNote;
    }

    /** The vocabulary-size comparison of Part 3, started on first request and kept for the session. */
    synchronized CompressionStudy compression() {
        if (compression == null) {
            compression = new CompressionStudy(() -> session.corpora().text(ShakespeareTokenizer.CORPUS));
        }
        return compression;
    }

    /**
     * Part 3's vocabulary-300 tokenizer: loaded from the lab's cache, or trained and cached, in the background on
     * first request; the same job is handed to every later caller.
     */
    synchronized Job<ShakespeareTokenizer.Loaded> shakespeareTokenizer() {
        if (tokenizer == null) {
            tokenizer = Job.start("bpe-tokenizer", "looking for " + ShakespeareTokenizer.FILE,
                    j -> ShakespeareTokenizer.load(session.workspace().dir(), session.corpora(),
                            (index, total, merge) -> j.progress((index + 1.0) / total,
                                    "learning merges: " + (index + 1) + " of " + total)));
        }
        return tokenizer;
    }

    /** Part 7's test bench started in this session (running or finished), or null: it outlives its screen. */
    synchronized Job<llmfs.tutor.code.BenchReport> codeBench() {
        return codeBench;
    }

    synchronized void setCodeBench(Job<llmfs.tutor.code.BenchReport> job) {
        codeBench = job;
    }

    /** The model sizes the learner chose on lab {@code id}'s screen for this session (the course's by default). */
    public llmfs.tutor.lab.ModelSizes labSizes(String id) {
        return labSizes.getOrDefault(id, llmfs.tutor.lab.ModelSizes.DEFAULT);
    }

    public void setLabSizes(String id, llmfs.tutor.lab.ModelSizes sizes) {
        labSizes.put(id, sizes);
        changes.incrementAndGet();
    }

    /** A lab started in this session: its settings and its run. */
    public record ActiveLab(Labs.Setup setup, LabRun run) {}

    /** The lab run started in this session, or null. */
    public ActiveLab lab(String id) {
        return labs.get(id);
    }

    /**
     * Starts a lab run in the background; when it finishes, the progress file records where it saved and the final
     * losses (whether or not its screen is still open).
     *
     * @throws FairUse.Refused in a class, when the class's lab slots are all taken (the message says so)
     */
    public ActiveLab startLab(Labs.Setup setup) {
        FairUse.LabPass pass = seat == null ? () -> {} : seat.startLab();
        LabRun run = setup.newRun(1);
        run.addListener(e -> {
            if (e instanceof llmfs.compute.train.TrainEvent.Finished f) {
                session.progress().markLab(setup.id(), session.workspace().dir().relativize(setup.checkpoint()).toString(),
                        f.step(), f.trainLoss(), f.valLoss());
            }
            if (e instanceof llmfs.compute.train.TrainEvent.Finished || e instanceof llmfs.compute.train.TrainEvent.Failed) {
                pass.close();
            }
        });
        ActiveLab a = new ActiveLab(setup, run);
        try {
            run.start();
        } catch (RuntimeException ex) {
            pass.close();
            throw ex;
        }
        labs.put(setup.id(), a);
        changes.incrementAndGet();
        return a;
    }

    @Override
    public void close() {
        if (watcher != null) watcher.close();
        saveRunningLabs();
        checker.shutdownNow();
        try {
            // A check still in flight records its verdict in progress.txt: let it finish (or give up) before the
            // session's files go away, so nothing writes into a workspace after the UI has closed.
            checker.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks every running lab to stop after its current step and waits (up to 10 s each) while it saves. */
    public void saveRunningLabs() {
        labs.values().forEach(a -> a.run().stop());
        for (ActiveLab a : labs.values()) {
            try {
                a.run().join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
