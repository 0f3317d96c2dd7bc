package llmfs.compute.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the repository's corpora/ folder and reads the two texts the course's BPE numbers come from. */
final class TestCorpora {
    private static String shakespeare;
    private static List<String> names;

    private TestCorpora() {
    }

    /** The corpora/ folder: walk up from the working directory until one holds tinyshakespeare.txt. */
    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("corpora");
            if (Files.isRegularFile(candidate.resolve("tinyshakespeare.txt"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no corpora/tinyshakespeare.txt above " + Path.of("").toAbsolutePath());
    }

    static synchronized String shakespeare() {
        if (shakespeare == null) {
            shakespeare = read("tinyshakespeare.txt");
        }
        return shakespeare;
    }

    /**
     * The course's names list: the Name column of names-indian.csv, lower-cased, stripped, spaces removed,
     * length 3..9, letters a-z only, without the row "nan" (which pandas reads as a missing value).
     */
    static synchronized List<String> names() {
        if (names == null) {
            List<String> out = new ArrayList<>();
            String[] rows = read("names-indian.csv").split("\r\n");
            for (int i = 1; i < rows.length; i++) {
                if (rows[i].isEmpty()) {
                    continue;
                }
                String raw = secondField(rows[i]);
                if (raw.equals("nan")) {
                    continue;
                }
                String name = raw.toLowerCase().strip().replace(" ", "");
                if (name.length() >= 3 && name.length() <= 9 && name.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                    out.add(name);
                }
            }
            names = List.copyOf(out);
        }
        return names;
    }

    static String namesText() {
        return String.join("\n", names());
    }

    private static String secondField(String row) {
        String field = row.substring(row.indexOf(',') + 1);
        if (field.startsWith("\"") && field.endsWith("\"") && field.length() >= 2) {
            field = field.substring(1, field.length() - 1).replace("\"\"", "\"");
        }
        return field;
    }

    private static String read(String file) {
        try {
            return Files.readString(dir().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
