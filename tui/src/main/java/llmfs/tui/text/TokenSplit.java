package llmfs.tui.text;

import llmfs.compute.text.BpeTokenizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits text into the tokens of a BPE tokenizer without failing on characters a character-level tokenizer never
 * saw: such a character becomes its own piece marked unknown (id -1), and the text on either side is encoded
 * separately. That gives the same tokens as encoding the known runs one by one, which is all a merge could ever
 * reach: no learned merge contains a character that was not in the training text.
 */
public final class TokenSplit {

    /**
     * One piece of the text.
     *
     * @param text the characters it covers (for an unknown piece: exactly one code point); a byte-level token that
     *             holds part of a character shows the loose bytes as {@code \xHH}, as {@link BpeTokenizer#piece} does
     * @param id   its token id, or -1 for a character the tokenizer has no id for
     */
    public record Piece(String text, int id) {
        /** True for a character the tokenizer cannot encode. */
        public boolean unknown() {
            return id < 0;
        }
    }

    /**
     * Where the first character a tokenizer cannot encode sits.
     *
     * @param codePoint the character
     * @param index     its UTF-16 index in the text
     * @param line      1-based line number
     * @param column    1-based column (in characters, counting a surrogate pair once)
     */
    public record Unknown(int codePoint, int index, int line, int column) {
        /** The character as text, e.g. {@code "é"}. */
        public String character() {
            return new String(Character.toChars(codePoint));
        }

        /** Its code point in the usual notation, e.g. {@code U+00E9}. */
        public String codePointName() {
            return String.format("U+%04X", codePoint);
        }
    }

    private final BpeTokenizer tokenizer;
    private final Set<Integer> alphabet;

    /** Prepares splitting for {@code tokenizer} (its base alphabet is read once). */
    public TokenSplit(BpeTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.alphabet = new HashSet<>();
        if (!tokenizer.byteLevel()) {
            for (int id = 0; id < tokenizer.baseSize(); id++) {
                alphabet.add(tokenizer.piece(id).codePointAt(0));
            }
        }
    }

    /** True when the tokenizer has an id for {@code codePoint} (always true for a byte-level tokenizer). */
    public boolean knows(int codePoint) {
        return tokenizer.byteLevel() || alphabet.contains(codePoint);
    }

    /** The first character of {@code text} the tokenizer cannot encode, if any. */
    public Optional<Unknown> firstUnknown(String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!knows(cp)) {
                return Optional.of(new Unknown(cp, i, line, column));
            }
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /**
     * The pieces of {@code text}, in order. For a character-level tokenizer their texts joined give back
     * {@code text}.
     */
    public List<Piece> split(String text) {
        List<Piece> out = new ArrayList<>();
        int runStart = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!knows(cp)) {
                encodeRun(text, runStart, i, out);
                out.add(new Piece(text.substring(i, next), -1));
                runStart = next;
            }
            i = next;
        }
        encodeRun(text, runStart, text.length(), out);
        return out;
    }

    private void encodeRun(String text, int from, int to, List<Piece> out) {
        if (from < to) {
            for (int id : tokenizer.encode(text.substring(from, to))) {
                out.add(new Piece(tokenizer.piece(id), id));
            }
        }
    }
}
