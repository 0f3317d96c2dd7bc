package llmfs.tutor.workspace;

import llmfs.tutor.check.Verdict;

import java.nio.file.Path;

/**
 * A second tutor process for {@link ProgressConcurrencyTest}: opens the progress file once (as a long-lived tutor
 * does) and records distinct hints, attempts and labs of its own, plus attempts on one exercise every writer shares.
 *
 * <p>Arguments: FILE WRITER-NUMBER RECORDS.
 */
public final class ProgressWriter {
    private ProgressWriter() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int writer = Integer.parseInt(args[1]);
        int records = Integer.parseInt(args[2]);
        Progress p = Progress.load(file);
        write(p, writer, records);
        System.out.println("wrote " + records);
    }

    /** The records writer {@code writer} adds: see {@link ProgressConcurrencyTest#assertAllRecorded}. */
    static void write(Progress p, int writer, int records) {
        Verdict fail = Verdict.of(Verdict.Kind.FAIL, "wrong", "");
        for (int i = 1; i <= records; i++) {
            p.recordHint(writer + "." + i);
            p.markLab("lab" + writer + "_" + i, java.util.Map.of("step", Integer.toString(i)));
            p.recordAttempt("99.1", fail);
        }
    }
}
