package llmfs.tui.app;

/** Navigation between views, given to {@link View#onKey}: open a screen, go back, quit, or run outside the UI. */
public interface Nav {
    void push(View view);

    /** Closes the current view and shows the one below (quits from the last one). */
    void back();

    void quit();

    /**
     * Leaves the full-screen UI, runs {@code action} on the plain terminal (e.g. the learner's $EDITOR), then
     * restores the UI.
     */
    void suspendFor(Runnable action);

    /** Shows a one-line message in the status area for a few seconds. */
    void flash(String message);
}
