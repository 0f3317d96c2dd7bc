package llmfs.tutor.watch;

import llmfs.tutor.TestCourse;
import llmfs.tutor.course.Course;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatcherTest {
    @TempDir
    Path tmp;

    private final Course course = TestCourse.load();
    private Workspace workspace;
    private final BlockingQueue<Exercise> changes = new LinkedBlockingQueue<>();
    /** What each callback found in the exercise's file when it ran. */
    private final BlockingQueue<String> contents = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() {
        workspace = new Workspace(tmp.resolve("ws"));
        workspace.ensureCreated(course);
    }

    /**
     * How long a change may take to arrive. Generous: on a loaded machine the watcher's threads can wait seconds
     * for a core; a correct watcher is still far quicker, and the test waits only as long as it must.
     */
    private static final long WAIT_MS = 30_000;

    /**
     * How long to wait for a callback that should not come. Waiting longer would only slow the tests: a callback
     * that arrives later cannot make them fail, so this cannot flake, only miss a late extra callback.
     */
    private static final long QUIET_MS = 700;

    private Exercise next(long ms) throws InterruptedException {
        return changes.poll(ms, TimeUnit.MILLISECONDS);
    }

    /** The callback: remembers the exercise and what its file held at that moment. */
    private void record(Exercise e) {
        try {
            contents.add(Files.readString(workspace.file(e)));
        } catch (java.io.IOException ex) {
            contents.add("unreadable: " + ex);
        }
        changes.add(e);
    }

    @ParameterizedTest
    @EnumSource(Watcher.Mode.class)
    void aSaveIsReportedOnceTheFileIsComplete(Watcher.Mode mode) throws Exception {
        // Watching has begun when start returns: no pause is needed before the save.
        try (Watcher w = Watcher.start(workspace, course, this::record, mode)) {
            assertEquals(mode, w.mode()); // Linux has native notifications
            Exercise mean = course.exercise("2.1");
            String text = "public class Mean { }\n";
            Files.writeString(workspace.file(mean), text);
            // A save is two changes, a truncation and a write. Merged, they give one callback; on a busy machine
            // the saving thread may pause between them for longer than the quiet period, giving two — never more,
            // and some callback must see the whole file.
            int callbacks = 0;
            String seen = "";
            while (!seen.equals(text)) {
                Exercise e = next(WAIT_MS);
                assertEquals(mean, e, "no callback saw the saved file; the last one saw \"" + seen + "\"");
                seen = contents.take();
                callbacks++;
            }
            while (next(QUIET_MS) != null) callbacks++;
            assertTrue(callbacks <= 2, "one save gave " + callbacks + " callbacks");
        }
    }

    @ParameterizedTest
    @EnumSource(Watcher.Mode.class)
    void aBurstOfWritesGivesOneCallback(Watcher.Mode mode) throws Exception {
        try (Watcher w = Watcher.start(workspace, course, changes::add, mode)) {
            Exercise add = course.exercise("1.1");
            for (int i = 0; i < 5; i++) {
                Files.writeString(workspace.file(add), "public class Add { int v = " + i + "; }\n");
            }
            assertEquals(add, next(WAIT_MS));
            // Merged: normally one callback. A scheduler pause longer than the debounce window in the middle of the
            // burst (possible on a busy machine) may split it once, never into one callback per write.
            int more = 0;
            while (next(QUIET_MS) != null) more++;
            assertTrue(more <= 1, "the burst of 5 writes gave " + (1 + more) + " callbacks");
        }
    }

    @ParameterizedTest
    @EnumSource(Watcher.Mode.class)
    void editorStyleWriteAndRenameIsReportedAndOtherFilesAreIgnored(Watcher.Mode mode) throws Exception {
        try (Watcher w = Watcher.start(workspace, course, changes::add, mode)) {
            Exercise scale = course.exercise("1.2");
            Path target = workspace.file(scale);
            Path swap = target.resolveSibling(".Scale.java.swp");
            Files.writeString(target.resolveSibling("Scale.java.bak-1"), "backup");
            Files.writeString(swap, "public class Scale { }\n");
            Files.move(swap, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // The rename is the only change to Scale.java: one callback.
            assertEquals(scale, next(WAIT_MS));
            assertNull(next(QUIET_MS));
        }
    }

    @ParameterizedTest
    @EnumSource(Watcher.Mode.class)
    void nothingIsReportedAfterClose(Watcher.Mode mode) throws Exception {
        Watcher w = Watcher.start(workspace, course, changes::add, mode);
        w.close();
        Files.writeString(workspace.file(course.exercise("1.1")), "changed\n");
        assertNull(next(QUIET_MS));
    }
}
