package llmfs.tutor.watch;

import llmfs.tutor.course.Course;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.workspace.Workspace;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Calls back when the learner saves an exercise file in the workspace — the heart of watch mode.
 *
 * <p>It uses the operating system's file notifications (a {@link WatchService} on each exercise folder) and falls
 * back to looking at the files' modification times every 300 ms when those are unavailable, only emulated by
 * polling in the JDK (as on macOS), or when {@code TUTOR_WATCH_POLL=1}. Bursts of changes are merged: editors
 * often write a temporary file, rename it and touch it again, and the callback should run once, after the file is
 * complete. Callbacks run one at a time on the watcher's own thread; an exception in one does not stop watching.
 */
public final class Watcher implements AutoCloseable {
    /** Environment variable that forces polling when set to {@code 1}. */
    public static final String POLL_ENV = "TUTOR_WATCH_POLL";
    /** How often files are looked at in polling mode. */
    public static final long POLL_INTERVAL_MS = 300;
    /**
     * How long a file must stay quiet before the callback runs. When polling, a file is looked at only every
     * {@link #POLL_INTERVAL_MS}, so it must also be seen unchanged by the next look ({@link #quietMs()}): otherwise a
     * save caught half-way by one look and complete at the next would give two callbacks.
     */
    public static final long DEBOUNCE_MS = 150;

    /** How changes are noticed. */
    public enum Mode {
        /** Operating system notifications. */
        NATIVE,
        /** Comparing modification times and sizes every {@link #POLL_INTERVAL_MS} ms. */
        POLLING
    }

    private final Map<Path, Exercise> byFile = new LinkedHashMap<>();
    private final Consumer<Exercise> onChange;
    private final ScheduledExecutorService scheduler;
    private final Map<Exercise, ScheduledFuture<?>> pending = new HashMap<>();
    private final Map<Path, Stamp> stamps = new HashMap<>();
    private final Mode mode;
    private final WatchService service;
    private final Thread nativeThread;
    private boolean pollingFallbackStarted;
    private volatile boolean closed;

    private Watcher(Workspace workspace, Course course, Consumer<Exercise> onChange, Mode wanted) throws IOException {
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        for (Exercise e : course.exercises()) {
            byFile.put(workspace.file(e).toAbsolutePath().normalize(), e);
        }
        for (Path f : byFile.keySet()) {
            if (!Files.isDirectory(f.getParent())) {
                throw new IllegalStateException("the workspace folder " + f.getParent() + " does not exist; create the "
                        + "workspace before watching it");
            }
            stamps.put(f, Stamp.of(f));
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workspace-watcher");
            t.setDaemon(true);
            return t;
        });
        WatchService ws = wanted == Mode.NATIVE ? openNative() : null;
        this.service = ws;
        this.mode = ws != null ? Mode.NATIVE : Mode.POLLING;
        if (ws != null) {
            nativeThread = new Thread(this::nativeLoop, "workspace-watcher-events");
            nativeThread.setDaemon(true);
            nativeThread.start();
        } else {
            nativeThread = null;
            scheduler.scheduleWithFixedDelay(this::poll, POLL_INTERVAL_MS, POLL_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Watches every exercise file of {@code course} in {@code workspace}, natively unless
     * {@code TUTOR_WATCH_POLL=1}.
     *
     * @throws IllegalStateException if the workspace has not been created
     */
    public static Watcher start(Workspace workspace, Course course, Consumer<Exercise> onChange) {
        Mode mode = "1".equals(System.getenv(POLL_ENV)) ? Mode.POLLING : Mode.NATIVE;
        return start(workspace, course, onChange, mode);
    }

    /**
     * Like {@link #start(Workspace, Course, Consumer)} with the mode chosen by the caller; asking for
     * {@link Mode#NATIVE} still gives polling where notifications are unavailable (see {@link #mode()}).
     */
    public static Watcher start(Workspace workspace, Course course, Consumer<Exercise> onChange, Mode mode) {
        try {
            return new Watcher(workspace, course, onChange, mode);
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch the workspace " + workspace.dir() + ": " + e.getMessage(), e);
        }
    }

    /** The mode actually in use. */
    public Mode mode() {
        return mode;
    }

    /** Stops watching; no callback starts after this returns. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        if (service != null) {
            try {
                service.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** A notification service registered on every exercise folder, or null to poll instead. */
    private WatchService openNative() {
        WatchService ws = null;
        try {
            ws = FileSystems.getDefault().newWatchService();
            // The JDK's stand-in for platforms without notifications polls only every few seconds: ours is faster.
            if (ws.getClass().getName().contains("Polling")) {
                ws.close();
                return null;
            }
            for (Path dir : byFile.keySet().stream().map(Path::getParent).distinct().toList()) {
                dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.OVERFLOW);
            }
            return ws;
        } catch (IOException | UnsupportedOperationException e) {
            if (ws != null) {
                try {
                    ws.close();
                } catch (IOException ignored) {
                    // falling back to polling anyway
                }
            }
            return null;
        }
    }

    private void nativeLoop() {
        while (!closed) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = (Path) key.watchable();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    // Events were lost: look at every file instead.
                    submit(this::poll);
                    continue;
                }
                Path changed = dir.resolve((Path) event.context()).toAbsolutePath().normalize();
                Exercise e = byFile.get(changed);
                if (e != null) submit(() -> changed(changed, e));
            }
            if (!key.reset()) {
                // The folder went away (deleted or renamed): keep going with polling for safety.
                submit(this::startPollingFallback);
            }
        }
    }

    private void startPollingFallback() {
        if (pollingFallbackStarted) return;
        pollingFallbackStarted = true;
        scheduler.scheduleWithFixedDelay(this::poll, POLL_INTERVAL_MS, POLL_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    private void submit(Runnable r) {
        if (closed) return;
        try {
            scheduler.execute(r);
        } catch (RejectedExecutionException ignored) {
            // closed meanwhile
        }
    }

    /** Runs on the scheduler: compares every file's modification time and size with what was seen last. */
    private void poll() {
        for (Map.Entry<Path, Exercise> entry : byFile.entrySet()) {
            Path f = entry.getKey();
            Stamp now = Stamp.of(f);
            if (!now.equals(stamps.get(f))) {
                changed(f, entry.getValue());
            }
        }
    }

    /** Runs on the scheduler: (re)starts the quiet period of this exercise. */
    private void changed(Path file, Exercise e) {
        stamps.put(file, Stamp.of(file));
        ScheduledFuture<?> old = pending.remove(e);
        if (old != null) old.cancel(false);
        if (closed) return;
        pending.put(e, scheduler.schedule(() -> fire(file, e), quietMs(), TimeUnit.MILLISECONDS));
    }

    /** The quiet period before a callback: longer than one polling interval whenever files are polled. */
    private long quietMs() {
        return mode == Mode.POLLING || pollingFallbackStarted ? POLL_INTERVAL_MS + DEBOUNCE_MS : DEBOUNCE_MS;
    }

    private void fire(Path file, Exercise e) {
        pending.remove(e);
        stamps.put(file, Stamp.of(file));
        if (closed || !Files.exists(file)) return; // mid-rename: the create event that follows fires again
        try {
            onChange.accept(e);
        } catch (RuntimeException ex) {
            // A failing callback must not end watch mode; the callback reports its own errors.
        }
    }

    /**
     * What polling compares: modification time (full precision), size and file identity, so a same-size rewrite
     * or a rename over the file is noticed too. All null for a missing file.
     */
    private record Stamp(Instant modified, Long size, Object fileKey) {
        static Stamp of(Path f) {
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime().toInstant(), a.size(), a.fileKey());
            } catch (IOException e) {
                return new Stamp(null, null, null);
            }
        }
    }
}
