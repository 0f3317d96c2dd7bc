package llmfs.compute.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads {@link BpeTokenizer}s in a small, human-readable UTF-8 text format.
 *
 * <pre>
 * llmfs-bpe 1 chars          header: format name, version 1, "chars" or "bytes"
 * alphabet 3                 chars only: the number of base symbols, then one per line, in id order
 * \n                         id 0 (escaped, see below)
 * \s                         id 1 (a space)
 * e                          id 2
 * merges 2                   the number of merges, then one per line, in the order learned
 * 2 1 27643 # "e "           merge 0 makes id 3 from ids 2 and 1, seen 27643 times; "#..." is a comment
 * 0 3 12 # "\ne "            merge 1 makes id 4 from ids 0 and 3
 * </pre>
 *
 * <p>A byte-level file has no alphabet section: its base ids 0..255 are the byte values. Merge {@code i} always
 * creates id {@code base + i} and may only use ids that exist before it. Everything after a {@code #} on a merge
 * line is ignored; when saving, it shows the merged token's text for the reader.
 *
 * <p>Alphabet lines hold exactly one character. Escapes: {@code \n}, {@code \r}, {@code \t}, {@code \s} (space),
 * {@code \\} (backslash) and <code>&#92;u{HEX}</code> (any code point, e.g. <code>&#92;u{A0}</code>). Saving
 * escapes every whitespace, control, format, private-use, unassigned or surrogate code point so the file stays
 * readable.
 *
 * <p>Loading checks everything and reports the first problem with its line number.
 */
public final class BpeFile {
    static final String MAGIC = "llmfs-bpe";
    static final int VERSION = 1;

    /** A tokenizer file that cannot be read; the message names the file, the line and the problem. */
    public static final class FormatException extends IOException {
        private final int line;

        FormatException(String source, int line, String problem) {
            super(source + ", line " + line + ": " + problem);
            this.line = line;
        }

        /** The 1-based line number of the problem. */
        public int line() {
            return line;
        }
    }

    private BpeFile() {
    }

    /** Writes {@code tokenizer} to {@code file} (UTF-8), replacing it. */
    public static void save(BpeTokenizer tokenizer, Path file) throws IOException {
        Files.writeString(file, format(tokenizer), StandardCharsets.UTF_8);
    }

    /** Reads a tokenizer written by {@link #save}. */
    public static BpeTokenizer load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** The file contents for {@code tokenizer}. */
    public static String format(BpeTokenizer tokenizer) {
        StringBuilder sb = new StringBuilder();
        sb.append(MAGIC).append(' ').append(VERSION).append(' ').append(tokenizer.byteLevel() ? "bytes" : "chars")
                .append('\n');
        if (!tokenizer.byteLevel()) {
            sb.append("alphabet ").append(tokenizer.baseSize()).append('\n');
            for (int id = 0; id < tokenizer.baseSize(); id++) {
                sb.append(escape(tokenizer.baseSymbol(id))).append('\n');
            }
        }
        sb.append("merges ").append(tokenizer.mergeCount()).append('\n');
        for (BpeTokenizer.Merge m : tokenizer.merges()) {
            sb.append(m.left()).append(' ').append(m.right()).append(' ').append(m.count()).append(" # \"")
                    .append(display(tokenizer.piece(m.id()))).append("\"\n");
        }
        return sb.toString();
    }

    /**
     * Reads a tokenizer from file contents; {@code source} names the origin in error messages.
     *
     * @throws FormatException for the first malformed, missing or inconsistent line
     */
    public static BpeTokenizer parse(String contents, String source) throws FormatException {
        String[] lines = contents.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("\r")) {
                lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
        }
        Reader in = new Reader(lines, source);

        String[] header = in.next("the header '" + MAGIC + " " + VERSION + " chars|bytes'").trim().split(" +");
        if (header.length != 3 || !header[0].equals(MAGIC)) {
            throw in.error("expected the header '" + MAGIC + " " + VERSION + " chars|bytes' but found '"
                    + in.current() + "'; this is not a tokenizer file");
        }
        if (!header[1].equals(String.valueOf(VERSION))) {
            throw in.error("format version " + header[1] + " is not supported; this program reads version "
                    + VERSION);
        }
        boolean byteLevel;
        if (header[2].equals("bytes")) {
            byteLevel = true;
        } else if (header[2].equals("chars")) {
            byteLevel = false;
        } else {
            throw in.error("the tokenizer kind must be 'chars' or 'bytes', not '" + header[2] + "'");
        }

        int[] alphabet;
        if (byteLevel) {
            alphabet = BpeTokenizer.byteAlphabet();
        } else {
            int n = in.sectionHeader("alphabet");
            alphabet = new int[n];
            Map<Integer, Integer> seen = new HashMap<>();
            for (int id = 0; id < n; id++) {
                String line = in.next("alphabet entry " + id + " of " + n);
                int cp = unescape(line, in);
                Integer previous = seen.putIfAbsent(cp, id);
                if (previous != null) {
                    throw in.error("alphabet entry " + id + " repeats " + BpeTokenizer.describe(cp)
                            + " already given as entry " + previous);
                }
                alphabet[id] = cp;
            }
        }

        int m = in.sectionHeader("merges");
        List<BpeTokenizer.Merge> merges = new ArrayList<>(m);
        LongIntMap pairs = new LongIntMap(Math.max(16, m));
        for (int i = 0; i < m; i++) {
            String line = in.next("merge " + i + " of " + m);
            int hash = line.indexOf('#');
            String[] f = (hash >= 0 ? line.substring(0, hash) : line).trim().split(" +");
            int id = alphabet.length + i;
            if (f.length != 3) {
                throw in.error("expected 'left right count' for merge " + i + " but found '" + line + "'");
            }
            int left = parseInt(f[0], "left id", in);
            int right = parseInt(f[1], "right id", in);
            long count = parseLong(f[2], in);
            if (left < 0 || left >= id || right < 0 || right >= id) {
                throw in.error("merge " + i + " creates id " + id + " and may only join ids 0.." + (id - 1)
                        + ", but joins " + left + " and " + right);
            }
            long key = LongIntMap.pair(left, right);
            if (pairs.containsKey(key)) {
                throw in.error("merge " + i + " repeats the pair " + left + " " + right + " of merge "
                        + pairs.get(key, -1));
            }
            pairs.put(key, i);
            merges.add(new BpeTokenizer.Merge(left, right, id, count));
        }
        in.expectEnd();
        return BpeTokenizer.of(byteLevel, alphabet, merges);
    }

    private static int parseInt(String field, String what, Reader in) throws FormatException {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw in.error("the " + what + " '" + field + "' is not a whole number");
        }
    }

    private static long parseLong(String field, Reader in) throws FormatException {
        try {
            long v = Long.parseLong(field);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw in.error("the count '" + field + "' is not a whole number of zero or more");
    }

    /** One alphabet symbol as written in the file. */
    static String escape(int cp) {
        switch (cp) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case ' ':
                return "\\s";
            case '\\':
                return "\\\\";
            default:
                break;
        }
        int type = Character.getType(cp);
        boolean invisible = Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.CONTROL
                || type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.SURROGATE;
        return invisible ? "\\u{" + Integer.toHexString(cp).toUpperCase() + "}" : new String(Character.toChars(cp));
    }

    /** A token's text for a comment: line breaks, tabs, quotes and invisible characters escaped. */
    static String display(String piece) {
        StringBuilder sb = new StringBuilder();
        piece.codePoints().forEach(cp -> {
            if (cp == '"') {
                sb.append("\\\"");
            } else if (cp == ' ' || cp == '\\') {
                sb.appendCodePoint(cp);
            } else {
                sb.append(escape(cp));
            }
        });
        return sb.toString();
    }

    /** The single code point an alphabet line stands for. */
    static int unescape(String line, Reader in) throws FormatException {
        if (line.isEmpty()) {
            throw in.error("an alphabet line is empty; write a space as \\s");
        }
        int cp;
        int end;
        if (line.charAt(0) != '\\') {
            cp = line.codePointAt(0);
            end = Character.charCount(cp);
        } else if (line.length() < 2) {
            throw in.error("a lone backslash; write a backslash as \\\\");
        } else {
            char c = line.charAt(1);
            end = 2;
            switch (c) {
                case 'n':
                    cp = '\n';
                    break;
                case 'r':
                    cp = '\r';
                    break;
                case 't':
                    cp = '\t';
                    break;
                case 's':
                    cp = ' ';
                    break;
                case '\\':
                    cp = '\\';
                    break;
                case 'u':
                    int close = line.indexOf('}');
                    if (line.length() < 4 || line.charAt(2) != '{' || close < 0) {
                        throw in.error("bad escape '" + line + "'; write a code point as \\u{HEX}, e.g. \\u{E9}");
                    }
                    try {
                        cp = Integer.parseInt(line.substring(3, close), 16);
                    } catch (NumberFormatException e) {
                        throw in.error("bad escape '" + line + "'; write a code point as \\u{HEX}, e.g. \\u{E9}");
                    }
                    if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                        throw in.error("'" + line + "' is beyond the last code point U+10FFFF");
                    }
                    end = close + 1;
                    break;
                default:
                    throw in.error("unknown escape '\\" + c + "'; use \\n \\r \\t \\s \\\\ or \\u{HEX}");
            }
        }
        if (end != line.length()) {
            throw in.error("an alphabet line must hold exactly one character, but '" + line + "' holds more");
        }
        return cp;
    }

    /** Walks the lines, knowing the current line number for messages. */
    static final class Reader {
        private final String[] lines;
        private final String source;
        private int index = -1;

        Reader(String[] lines, String source) {
            this.lines = lines;
            this.source = source;
        }

        /** The next line; {@code what} says what was expected there if the file ended instead. */
        String next(String what) throws FormatException {
            index++;
            // The last element after the final '\n' is an empty string, not a line.
            boolean pastEnd = index >= lines.length || index == lines.length - 1 && lines[index].isEmpty();
            if (pastEnd) {
                throw new FormatException(source, index + 1, "the file ends here, but " + what
                        + " was expected; it is truncated");
            }
            return lines[index];
        }

        String current() {
            return lines[index];
        }

        int sectionHeader(String name) throws FormatException {
            String line = next("the line '" + name + " N'").trim();
            String[] f = line.split(" +");
            if (f.length != 2 || !f[0].equals(name)) {
                throw error("expected '" + name + " N' but found '" + line + "'");
            }
            int n;
            try {
                n = Integer.parseInt(f[1]);
            } catch (NumberFormatException e) {
                throw error("the " + name + " count '" + f[1] + "' is not a whole number");
            }
            if (n < 0) {
                throw error("the " + name + " count must not be negative, but is " + n);
            }
            return n;
        }

        void expectEnd() throws FormatException {
            while (++index < lines.length) {
                if (!lines[index].isBlank()) {
                    throw error("unexpected text after the last merge: '" + lines[index] + "'");
                }
            }
        }

        FormatException error(String problem) {
            return new FormatException(source, index + 1, problem);
        }
    }
}
