package llmfs.compute.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The course's names data: loading the names corpora and cleaning them the way Part 1 does.
 */
public final class Names {
    /** The course's Indian names list (CSV, CRLF, header {@code ,Name}). */
    public static final String INDIAN_FILE = "names-indian.csv";
    /** The MIT-licensed English names list (one name per line). */
    public static final String ENGLISH_FILE = "names-english.txt";
    /** Shortest name kept by {@link #clean(List)}. */
    public static final int MIN_LENGTH = 3;
    /** Longest name kept by {@link #clean(List)}. */
    public static final int MAX_LENGTH = 9;

    private static final String NAME_COLUMN = "Name";

    private Names() {
    }

    /**
     * Cleans raw names exactly as the course does, keeping their order: lower-case, strip surrounding
     * whitespace, remove inner spaces; then keep names of {@value #MIN_LENGTH} to {@value #MAX_LENGTH}
     * characters made only of the letters {@code a}-{@code z}. {@code null} entries count as missing and are
     * skipped.
     *
     * <p>The name {@code nan} is dropped as well. The course read its CSV with pandas, which turns the text
     * {@code nan} into a missing value before any cleaning runs, so that row never reached its name list.
     * Dropping it here keeps the count at the course's 6,184 names (a plain CSV reader would give 6,185).
     *
     * @return a new modifiable list of the surviving names
     */
    public static List<String> clean(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String name : raw) {
            if (name == null) continue;
            String s = name.toLowerCase(Locale.ROOT).strip().replace(" ", "");
            if (s.length() < MIN_LENGTH || s.length() > MAX_LENGTH) continue;
            if (!isLowerAscii(s) || s.equals("nan")) continue;
            out.add(s);
        }
        return out;
    }

    private static boolean isLowerAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') return false;
        }
        return true;
    }

    /** The course's Part 1 corpus: the {@code Name} column of {@value #INDIAN_FILE}, cleaned (6,184 names). */
    public static List<String> indian(Corpora corpora) {
        return clean(nameColumn(corpora.lines(INDIAN_FILE), INDIAN_FILE));
    }

    /** The English names of {@value #ENGLISH_FILE} under the same cleaning as {@link #indian(Corpora)}. */
    public static List<String> english(Corpora corpora) {
        return clean(corpora.lines(ENGLISH_FILE));
    }

    /** The values of the {@code Name} column of a CSV given as lines, header first. */
    static List<String> nameColumn(List<String> lines, String fileName) {
        if (lines.isEmpty()) {
            throw new CorpusException(fileName, fileName + " is empty; expected a CSV with a '" + NAME_COLUMN
                    + "' column.");
        }
        int column = csvFields(lines.get(0)).indexOf(NAME_COLUMN);
        if (column < 0) {
            throw new CorpusException(fileName, "The header of " + fileName + " has no '" + NAME_COLUMN
                    + "' column: \"" + lines.get(0) + "\".");
        }
        List<String> names = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) continue;
            List<String> fields = csvFields(lines.get(i));
            if (fields.size() <= column) {
                throw new CorpusException(fileName, "Line " + (i + 1) + " of " + fileName + " has no value in"
                        + " column '" + NAME_COLUMN + "': \"" + lines.get(i) + "\".");
            }
            names.add(fields.get(column));
        }
        return names;
    }

    /**
     * Splits one CSV record into fields: commas separate, double quotes enclose a field that may contain
     * commas, and a doubled quote inside quotes stands for one quote. The course file needs this for rows
     * such as {@code 293,"amit,"}.
     */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
