package llmfs.compute.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A byte-pair-encoding tokenizer: a base alphabet plus an ordered list of learned merges.
 *
 * <p>Two kinds exist. A <em>character-level</em> tokenizer ({@link #train}) starts from the sorted distinct
 * characters (Unicode code points) of its training text, ids {@code 0..n-1}, exactly like the course; it
 * cannot encode a character it never saw. A <em>byte-level</em> tokenizer ({@link #trainBytes}) starts from
 * all 256 byte values (id = byte value) and encodes text as UTF-8, so any text round-trips.
 *
 * <p>Training repeats: count adjacent pairs (overlaps included), take the most frequent pair (ties: the pair
 * whose first occurrence in the current sequence is earliest), give it the next id, replace it everywhere
 * left to right. Encoding applies the merges in the order they were learned. Both give results identical
 * to {@link NaiveBpe}, computed far faster: training updates pair counts only where a merge happened, and
 * encoding splits the text where no merge can ever reach across and merges each piece by rank.
 *
 * <p>Instances are immutable and safe to share between threads. Save and load them with {@link BpeFile}.
 */
public final class BpeTokenizer {

    /**
     * One learned merge: tokens {@code left} and {@code right}, adjacent, become token {@code id}; {@code count}
     * is how often the pair occurred (overlaps included) when it was chosen.
     */
    public record Merge(int left, int right, int id, long count) {
    }

    /** Hears about each merge as training learns it, e.g. to show progress. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Called after merge number {@code index} (0-based) of at most {@code total} was learned.
         * Training may stop before {@code total} if the text runs out of pairs.
         */
        void onMerge(int index, int total, Merge merge);
    }

    private static final int DIRECT_LOOKUP_LIMIT = 1 << 16;

    private final boolean byteLevel;
    private final int[] alphabet;
    private final List<Merge> merges;
    private final int[][] pieceSymbols;
    private final String[] pieceText;
    private final BpeEncoder encoder;
    private final int[] directId;     // code point -> id + 1 (0 = unknown) for small code points
    private final LongIntMap otherId; // code point -> id for the rest

    private BpeTokenizer(boolean byteLevel, int[] alphabet, List<Merge> merges) {
        this.byteLevel = byteLevel;
        this.alphabet = alphabet;
        this.merges = Collections.unmodifiableList(new ArrayList<>(merges));
        int vocab = alphabet.length + merges.size();
        pieceSymbols = new int[vocab][];
        pieceText = new String[vocab];
        for (int id = 0; id < alphabet.length; id++) {
            pieceSymbols[id] = new int[] {alphabet[id]};
        }
        for (Merge m : merges) {
            int[] l = pieceSymbols[m.left()];
            int[] r = pieceSymbols[m.right()];
            int[] joined = new int[l.length + r.length];
            System.arraycopy(l, 0, joined, 0, l.length);
            System.arraycopy(r, 0, joined, l.length, r.length);
            pieceSymbols[m.id()] = joined;
        }
        for (int id = 0; id < vocab; id++) {
            pieceText[id] = byteLevel ? readableUtf8(pieceSymbols[id]) : new String(pieceSymbols[id], 0,
                    pieceSymbols[id].length);
        }
        encoder = new BpeEncoder(alphabet.length, merges);
        int maxSymbol = -1;
        for (int s : alphabet) {
            maxSymbol = Math.max(maxSymbol, s);
        }
        directId = new int[Math.min(maxSymbol + 1, DIRECT_LOOKUP_LIMIT)];
        otherId = new LongIntMap(16);
        for (int id = 0; id < alphabet.length; id++) {
            if (alphabet[id] < DIRECT_LOOKUP_LIMIT) {
                directId[alphabet[id]] = id + 1;
            } else {
                otherId.put(alphabet[id], id);
            }
        }
    }

    /** Trains a character-level tokenizer on {@code text} up to {@code vocabSize} tokens. */
    public static BpeTokenizer train(String text, int vocabSize) {
        return train(text, vocabSize, null);
    }

    /**
     * Trains a character-level tokenizer, telling {@code listener} (may be null) about each merge.
     *
     * @throws IllegalArgumentException if {@code text} is empty or {@code vocabSize} is smaller than the
     *                                  number of distinct characters in it
     */
    public static BpeTokenizer train(String text, int vocabSize, Listener listener) {
        BitSet seen = new BitSet();
        int n = 0;
        for (int i = 0; i < text.length(); n++) {
            int cp = text.codePointAt(i);
            seen.set(cp);
            i += Character.charCount(cp);
        }
        int[] alphabet = seen.stream().toArray();
        checkVocabSize(vocabSize, alphabet.length, false);
        int[] idOf = new int[alphabet[alphabet.length - 1] + 1];
        for (int id = 0; id < alphabet.length; id++) {
            idOf[alphabet[id]] = id;
        }
        int[] symbols = new int[n];
        for (int i = 0, k = 0; i < text.length(); k++) {
            int cp = text.codePointAt(i);
            symbols[k] = idOf[cp];
            i += Character.charCount(cp);
        }
        List<Merge> merges = BpeTrainer.train(symbols, alphabet.length, vocabSize - alphabet.length, listener);
        return new BpeTokenizer(false, alphabet, merges);
    }

    /** Trains a byte-level tokenizer on {@code data} up to {@code vocabSize} tokens. */
    public static BpeTokenizer trainBytes(byte[] data, int vocabSize) {
        return trainBytes(data, vocabSize, null);
    }

    /**
     * Trains a byte-level tokenizer, telling {@code listener} (may be null) about each merge.
     *
     * @throws IllegalArgumentException if {@code vocabSize} is below 256
     */
    public static BpeTokenizer trainBytes(byte[] data, int vocabSize, Listener listener) {
        checkVocabSize(vocabSize, 256, true);
        int[] symbols = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            symbols[i] = data[i] & 0xFF;
        }
        return new BpeTokenizer(true, byteAlphabet(), BpeTrainer.train(symbols, 256, vocabSize - 256, listener));
    }

    /**
     * Builds a tokenizer from its parts, checking that they fit together.
     *
     * @param alphabet base symbol of each base id: code points, or for byte-level exactly 0..255 in order
     * @param merges   merge {@code i} must create id {@code alphabet.length + i} from earlier ids
     * @throws IllegalArgumentException naming the first part that does not fit
     */
    static BpeTokenizer of(boolean byteLevel, int[] alphabet, List<Merge> merges) {
        if (byteLevel) {
            if (alphabet.length != 256) {
                throw new IllegalArgumentException("a byte-level alphabet has 256 entries, not " + alphabet.length);
            }
            for (int i = 0; i < 256; i++) {
                if (alphabet[i] != i) {
                    throw new IllegalArgumentException("byte-level id " + i + " must stand for byte " + i);
                }
            }
        } else {
            Set<Integer> distinct = new HashSet<>();
            for (int i = 0; i < alphabet.length; i++) {
                int cp = alphabet[i];
                if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                    throw new IllegalArgumentException("alphabet entry " + i + " is not a code point: " + cp);
                }
                if (!distinct.add(cp)) {
                    throw new IllegalArgumentException("alphabet entry " + i + " repeats " + describe(cp));
                }
            }
        }
        LongIntMap pairs = new LongIntMap(Math.max(16, merges.size()));
        for (int i = 0; i < merges.size(); i++) {
            Merge m = merges.get(i);
            int id = alphabet.length + i;
            if (m.id() != id) {
                throw new IllegalArgumentException("merge " + i + " must create id " + id + ", not " + m.id());
            }
            if (m.left() < 0 || m.left() >= id || m.right() < 0 || m.right() >= id) {
                throw new IllegalArgumentException("merge " + i + " joins " + m.left() + " and " + m.right()
                        + " but may only use ids 0.." + (id - 1) + " that exist before it");
            }
            if (m.count() < 0) {
                throw new IllegalArgumentException("merge " + i + " has a negative count " + m.count());
            }
            long key = LongIntMap.pair(m.left(), m.right());
            if (pairs.containsKey(key)) {
                throw new IllegalArgumentException("merge " + i + " repeats the pair (" + m.left() + ", "
                        + m.right() + ") already merged by merge " + pairs.get(key, -1));
            }
            pairs.put(key, i);
        }
        return new BpeTokenizer(byteLevel, alphabet.clone(), merges);
    }

    static void checkVocabSize(int vocabSize, int baseSize, boolean byteLevel) {
        if (baseSize == 0) {
            throw new IllegalArgumentException("The training text is empty: there is nothing to learn a"
                    + " vocabulary from.");
        }
        if (vocabSize < baseSize) {
            throw new IllegalArgumentException(byteLevel
                    ? "Vocab size " + vocabSize + " is too small: a byte-level vocabulary starts with all 256"
                    + " byte values, so use 256 or more."
                    : "Vocab size " + vocabSize + " is too small: the training text has " + baseSize
                    + " distinct characters and each needs its own id, so use " + baseSize + " or more.");
        }
    }

    static int[] byteAlphabet() {
        int[] alphabet = new int[256];
        for (int i = 0; i < 256; i++) {
            alphabet[i] = i;
        }
        return alphabet;
    }

    /** True for a byte-level tokenizer (base = 256 byte values, text as UTF-8), false for character-level. */
    public boolean byteLevel() {
        return byteLevel;
    }

    /** Number of token ids: base alphabet plus merges. Valid ids are {@code 0..vocabSize()-1}. */
    public int vocabSize() {
        return pieceSymbols.length;
    }

    /** Size of the base alphabet: distinct training characters, or 256 for byte-level. */
    public int baseSize() {
        return alphabet.length;
    }

    /** Number of learned merges. */
    public int mergeCount() {
        return merges.size();
    }

    /** Merge number {@code i} (0-based), which created id {@code baseSize() + i}. */
    public Merge merge(int i) {
        if (i < 0 || i >= merges.size()) {
            throw new IndexOutOfBoundsException("Merge " + i + " does not exist: this tokenizer has merges 0.."
                    + (merges.size() - 1) + ".");
        }
        return merges.get(i);
    }

    /** All merges in the order learned (read-only). */
    public List<Merge> merges() {
        return merges;
    }

    /** The base symbol of base id {@code id}: a code point, or a byte value 0..255 for byte-level. */
    int baseSymbol(int id) {
        return alphabet[id];
    }

    /**
     * The text token {@code id} stands for. For byte-level tokens that hold only part of a UTF-8 sequence, the
     * bytes that do not form a whole character are shown as {@code \xHH}.
     */
    public String piece(int id) {
        checkId(id, -1);
        return pieceText[id];
    }

    /** The exact UTF-8 bytes of byte-level token {@code id}, or the UTF-8 encoding of a character-level piece. */
    public byte[] pieceBytes(int id) {
        checkId(id, -1);
        int[] symbols = pieceSymbols[id];
        if (!byteLevel) {
            return pieceText[id].getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            bytes[i] = (byte) symbols[i];
        }
        return bytes;
    }

    /**
     * Splits {@code text} into token ids.
     *
     * @throws IllegalArgumentException for a character-level tokenizer, if {@code text} holds a character that
     *                                  was not in the training text
     */
    public int[] encode(String text) {
        if (byteLevel) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int[] symbols = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                symbols[i] = bytes[i] & 0xFF;
            }
            return encoder.encode(symbols, symbols.length);
        }
        int[] symbols = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c)) {
                cp = text.codePointAt(i);
            }
            int id = cp < directId.length ? directId[cp] - 1 : otherId.get(cp, -1);
            if (id < 0) {
                throw unknownCharacter(cp, i);
            }
            symbols[n++] = id;
            i += Character.charCount(cp);
        }
        return encoder.encode(symbols, n);
    }

    private IllegalArgumentException unknownCharacter(int cp, int position) {
        return new IllegalArgumentException("Cannot encode " + describe(cp) + " at position " + position
                + ": this character-level tokenizer never saw it in its training text, so it has no id for it."
                + " Train on text that contains it, or use a byte-level tokenizer (--bytes), which can encode"
                + " any text.");
    }

    /** Joins the pieces of {@code ids} back into text; byte-level tokens are decoded as UTF-8. */
    public String decode(int[] ids) {
        if (byteLevel) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(ids.length * 4);
            for (int i = 0; i < ids.length; i++) {
                checkId(ids[i], i);
                for (int b : pieceSymbols[ids[i]]) {
                    out.write(b);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(ids.length * 3);
        for (int i = 0; i < ids.length; i++) {
            checkId(ids[i], i);
            sb.append(pieceText[ids[i]]);
        }
        return sb.toString();
    }

    private void checkId(int id, int position) {
        if (id < 0 || id >= pieceSymbols.length) {
            throw new IllegalArgumentException("Token id " + id + (position >= 0 ? " at position " + position : "")
                    + " is out of range: this tokenizer has " + pieceSymbols.length + " tokens, ids 0.."
                    + (pieceSymbols.length - 1) + ".");
        }
    }

    @Override
    public String toString() {
        return (byteLevel ? "byte-level" : "character-level") + " BPE tokenizer: " + vocabSize() + " tokens ("
                + baseSize() + " base + " + mergeCount() + " merges)";
    }

    /** A character for messages: {@code 'é' (U+00E9)}, with invisible characters shown by code only. */
    static String describe(int cp) {
        String hex = String.format("U+%04X", cp);
        if (Character.isISOControl(cp) || Character.isWhitespace(cp) || !Character.isDefined(cp)
                || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.FORMAT) {
            return "the character " + hex;
        }
        return "the character '" + new String(Character.toChars(cp)) + "' (" + hex + ")";
    }

    /** Decodes whole UTF-8 characters and shows every byte that is not part of one as {@code \xHH}. */
    static String readableUtf8(int[] bytes) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i];
            int len = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
                    : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            int cp = len == 1 ? b : len == 2 ? b & 0x1F : len == 3 ? b & 0x0F : b & 0x07;
            boolean ok = len > 0 && i + len <= bytes.length;
            for (int k = 1; ok && k < len; k++) {
                int c = bytes[i + k];
                ok = (c & 0xC0) == 0x80;
                cp = (cp << 6) | (c & 0x3F);
            }
            // Reject overlong forms, surrogates and values past U+10FFFF, as a strict decoder does.
            if (ok && (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
                    || len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
                ok = false;
            }
            if (ok) {
                sb.appendCodePoint(cp);
                i += len;
            } else {
                sb.append(String.format("\\x%02X", b));
                i++;
            }
        }
        return sb.toString();
    }
}
