package llmfs.tui.screens;

/**
 * Work on a daemon thread that a screen watches: it reports a fraction done and a status line while it runs, then
 * holds its result or the message of what went wrong. All reads are safe from the UI thread.
 *
 * @param <T> the result
 */
final class Job<T> {
    /** The work itself; it may call {@link Job#progress} as it goes. */
    @FunctionalInterface
    interface Work<T> {
        T run(Job<T> job) throws Exception;
    }

    private volatile double fraction;
    private volatile String status = "";
    private volatile T result;
    private volatile String error;
    private volatile boolean done;

    private Job() {}

    /**
     * Starts {@code work} on a new daemon thread called {@code name}, showing {@code firstStatus} until the work
     * reports its own (so a screen drawn at once never shows a bar without words).
     */
    static <T> Job<T> start(String name, String firstStatus, Work<T> work) {
        Job<T> job = new Job<>();
        job.status = firstStatus;
        Thread t = new Thread(() -> {
            try {
                job.result = work.run(job);
            } catch (Exception | OutOfMemoryError e) {
                job.error = e.getMessage() == null ? e.toString() : e.getMessage();
            } finally {
                job.fraction = 1;
                job.done = true;
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return job;
    }

    /** Reports progress: {@code fraction} of the work (0..1) and what is happening now. */
    void progress(double fraction, String status) {
        this.fraction = fraction;
        this.status = status;
    }

    double fraction() {
        return fraction;
    }

    String status() {
        return status;
    }

    boolean done() {
        return done;
    }

    /** The result once done without error, else null. */
    T result() {
        return result;
    }

    /** What went wrong, or null. */
    String error() {
        return error;
    }
}
