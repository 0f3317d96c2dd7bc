package llmfs.tutor.classroom;

import llmfs.tutor.course.Course;
import llmfs.tutor.course.Part;
import llmfs.tutor.workspace.ExerciseState;
import llmfs.tutor.workspace.LabState;
import llmfs.tutor.workspace.Progress;
import llmfs.tutor.workspace.Workspace;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where every learner of a class stands: per part, how many exercises passed and whether the lab has a saved
 * model; plus attempts and the last activity. Read from each learner's progress file, never written.
 */
public final class ClassStatus {

    /** One part for one learner: exercises passed of total, and the lab's recorded validation loss if it ran. */
    public record PartCell(int part, int passed, int total, boolean hasLab, Optional<String> labValLoss) {
        /** e.g. "4/6", "6/6 lab 1.91". */
        public String text() {
            return passed + "/" + total + (labValLoss.map(v -> " lab " + v).orElse(""));
        }

        public boolean complete() {
            return passed == total && (!hasLab || labValLoss.isPresent());
        }
    }

    /** One learner's line. {@code problem} is set when the progress file could not be read at all. */
    public record Row(String learner, List<PartCell> parts, int passed, int attempts, Optional<Instant> lastActive,
                      Optional<String> problem) {}

    private final Course course;
    private final List<Row> rows;

    private ClassStatus(Course course, List<Row> rows) {
        this.course = course;
        this.rows = rows;
    }

    /** Reads the progress of every learner in {@code folder}. */
    public static ClassStatus read(ClassFolder folder, Course course) {
        List<Row> rows = new ArrayList<>();
        for (ClassFolder.Member m : folder.learners()) rows.add(row(m, course));
        return new ClassStatus(course, List.copyOf(rows));
    }

    private static Row row(ClassFolder.Member m, Course course) {
        Progress p;
        try {
            p = Progress.load(m.workspace().resolve(Workspace.PROGRESS_FILE));
        } catch (UncheckedIOException e) {
            return new Row(m.name(), List.of(), 0, 0, Optional.empty(), Optional.of(e.getMessage()));
        }
        List<PartCell> cells = new ArrayList<>();
        int passed = 0;
        for (Part part : course.parts()) {
            int n = p.passedCount(part);
            passed += n;
            Optional<String> lab = part.labSpec().flatMap(l -> p.lab(l.id())).flatMap(s -> s.fact("valLoss"));
            cells.add(new PartCell(part.id(), n, part.exercises().size(), part.labSpec().isPresent(), lab));
        }
        int attempts = 0;
        Instant last = null;
        for (ExerciseState s : p.exercises()) {
            attempts += s.attempts();
            if (s.updated() != null && (last == null || s.updated().isAfter(last))) last = s.updated();
        }
        for (Part part : course.parts()) {
            Optional<LabState> lab = part.labSpec().flatMap(l -> p.lab(l.id()));
            if (lab.isPresent() && lab.get().updated() != null && (last == null || lab.get().updated().isAfter(last))) {
                last = lab.get().updated();
            }
        }
        return new Row(m.name(), List.copyOf(cells), passed, attempts, Optional.ofNullable(last), Optional.empty());
    }

    public Course course() {
        return course;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The header line's cells: learner, one per part, passed, attempts, last active. */
    public List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("learner");
        for (Part p : course.parts()) h.add("part " + p.id());
        h.add("passed");
        h.add("attempts");
        h.add("last active (UTC)");
        return h;
    }

    /** A row's cells, in {@link #header()} order. */
    public List<String> cells(Row r) {
        List<String> c = new ArrayList<>();
        c.add(r.learner());
        if (r.problem().isPresent()) {
            for (int i = 0; i < course.parts().size(); i++) c.add("?");
            c.add("?");
            c.add("?");
            c.add("unreadable progress file");
            return c;
        }
        for (PartCell p : r.parts()) c.add(p.text());
        c.add(r.passed() + "/" + course.exercises().size());
        c.add(Integer.toString(r.attempts()));
        c.add(r.lastActive().map(t -> t.toString().replace('T', ' ').replace("Z", "")).orElse("–"));
        return c;
    }

    /** The whole table as aligned plain text lines (header, rule, one line per learner). */
    public List<String> table(boolean unicode) {
        List<List<String>> all = new ArrayList<>();
        all.add(header());
        for (Row r : rows) all.add(cells(r));
        int cols = all.get(0).size();
        int[] w = new int[cols];
        for (List<String> line : all) for (int i = 0; i < cols; i++) w[i] = Math.max(w[i], line.get(i).length());
        List<String> out = new ArrayList<>();
        for (int li = 0; li < all.size(); li++) {
            List<String> line = all.get(li);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String cell = unicode ? line.get(i) : line.get(i).replace('–', '-');
                sb.append(i == 0 ? cell + " ".repeat(w[i] - cell.length())
                        : "  " + " ".repeat(w[i] - cell.length()) + cell);
            }
            out.add(sb.toString().stripTrailing());
            if (li == 0) out.add((unicode ? "─" : "-").repeat(sb.toString().stripTrailing().length()));
        }
        return out;
    }
}
