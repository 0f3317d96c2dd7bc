package llmfs.tutor.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The OS cap on a check process's tasks: it binds (a shell that forks without end is stopped at the cap), every
 * check process runs inside its own capped cgroup, and the cgroup goes when the process does. Skipped, with the
 * reason, where the machine gives the tutor no pids cgroup.
 */
class TaskCapTest {
    @TempDir
    Path tmp;

    private static TaskCap cap() {
        TaskCap cap = TaskCap.detect();
        assumeTrue(cap.active(), "no OS task cap on this machine: " + cap.description());
        return cap;
    }

    @Test
    void theDescriptionSaysWhetherItIsOn() {
        TaskCap cap = TaskCap.detect();
        assertEquals(cap.active(), cap.description().startsWith("on (cgroup pids controller: at most "
                + TaskCap.MAX_TASKS), cap.description());
        if (!cap.active()) assertTrue(cap.description().startsWith("unavailable — "), cap.description());
    }

    @Test
    void aForkWithoutEndStopsAtTheCap() throws IOException, InterruptedException {
        Path group = cap().create("llmfs-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            String bomb = "i=0; while [ $i -lt " + (TaskCap.MAX_TASKS + 50) + " ]; do sleep 20 </dev/null >/dev/null 2>&1 & i=$((i+1)); done";
            Process p = new ProcessBuilder(TaskCap.wrap(List.of("/bin/sh", "-c", bomb), group))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the shell did not end");
            assertTrue(out.toLowerCase().contains("fork"), "forking past the cap should fail: " + out);
            int tasks = Files.readAllLines(group.resolve("cgroup.procs")).size();
            assertTrue(tasks <= TaskCap.MAX_TASKS, tasks + " processes in the cgroup");
        } finally {
            killAll(group);
            assertTrue(TaskCap.remove(group), "the cgroup could not be removed: " + group);
        }
    }

    @Test
    void aCheckProcessRunsInItsOwnCappedCgroupWhichGoesWithIt() throws IOException, InterruptedException {
        TaskCap cap = cap();
        ChildProcess child = ChildProcess.start((scratch, socket) -> List.of("/bin/sleep", "60"), 1_000);
        Path group = cap.parent().resolve(child.folder().getFileName().toString());
        try {
            // The process enters its cgroup first thing, before it becomes the command; wait for that moment.
            Path self = Path.of("/proc/" + child.pid() + "/cgroup");
            long entered = System.nanoTime() + 30_000_000_000L;
            while (!Files.readString(self).contains(group.getFileName().toString()) && System.nanoTime() < entered) {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(self).contains(group.getFileName().toString()), Files.readString(self));
            assertEquals(String.valueOf(TaskCap.MAX_TASKS), Files.readString(group.resolve("pids.max")).strip());
        } finally {
            child.killAndClean();
        }
        long deadline = System.nanoTime() + 30_000_000_000L; // a safety net: it goes within moments
        while (Files.exists(group) && System.nanoTime() < deadline) Thread.sleep(100);
        assertFalse(Files.exists(group), "the cgroup outlived its process: " + group);
    }

    @Test
    void leftOverEmptyCgroupsAreSweptButNotOnesInUseOrNew() throws IOException, InterruptedException {
        TaskCap cap = cap();
        String id = ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path old = cap.create(TaskCap.PREFIX + "old-" + id);
        Path fresh = cap.create(TaskCap.PREFIX + "fresh-" + id);
        Path busy = cap.create(TaskCap.PREFIX + "busy-" + id);
        Process sleeper = new ProcessBuilder(TaskCap.wrap(List.of("/bin/sleep", "60"), busy)).start();
        try {
            long entered = System.nanoTime() + 30_000_000_000L; // a safety net: it enters at once
            while (Files.readAllLines(busy.resolve("cgroup.procs")).isEmpty() && System.nanoTime() < entered) {
                Thread.sleep(20);
            }
            java.time.Instant cut = java.time.Instant.now().plusSeconds(1);
            Files.setLastModifiedTime(fresh, java.nio.file.attribute.FileTime.from(cut.plusSeconds(3600)));
            TaskCap.sweep(cap.parent(), cut);
            assertFalse(Files.exists(old), "an empty, old cgroup was kept");
            assertTrue(Files.exists(fresh), "a new cgroup was removed");
            assertTrue(Files.exists(busy), "a cgroup in use was removed");
        } finally {
            sleeper.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            TaskCap.remove(old);
            TaskCap.remove(fresh);
            TaskCap.remove(busy);
        }
    }

    private static void killAll(Path group) throws IOException {
        List<ProcessHandle> left = new ArrayList<>();
        for (String pid : Files.readAllLines(group.resolve("cgroup.procs"))) {
            ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(left::add);
        }
        left.forEach(ProcessHandle::destroyForcibly);
    }
}
