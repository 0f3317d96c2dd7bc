package llmfs.compute.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Byte-pair encoding written the plain way, one lesson step per method: count every adjacent pair, pick the
 * most frequent one, merge it everywhere into a new list, repeat.
 *
 * <p>Each training step walks the whole token sequence, so training costs (number of merges) x (text length).
 * That is fine for the lesson and for tests on small texts; {@link BpeTokenizer} gives identical results much
 * faster and is the one to use for real work. This class is the reference it is tested against.
 *
 * <p><b>Tie-break.</b> When several pairs share the highest count, the winner is the pair whose first
 * occurrence in the current token sequence comes earliest. {@link #countPairs} keeps pairs in first-occurrence
 * order (a {@link LinkedHashMap}) and {@link #mostFrequent} keeps the first of equal maxima, which is exactly how
 * the course's Python ({@code max} over a {@code Counter}) behaves.
 */
public final class NaiveBpe {

    /** An ordered pair of adjacent token ids. */
    public record Pair(int left, int right) {
    }

    private final boolean byteLevel;
    private final int[] alphabet;
    private final List<BpeTokenizer.Merge> merges;
    private final List<int[]> pieces;

    private NaiveBpe(boolean byteLevel, int[] alphabet, List<BpeTokenizer.Merge> merges) {
        this.byteLevel = byteLevel;
        this.alphabet = alphabet;
        this.merges = Collections.unmodifiableList(merges);
        // A piece is the sequence of base symbols (code points or byte values) a token stands for.
        this.pieces = new ArrayList<>();
        for (int symbol : alphabet) {
            pieces.add(new int[] {symbol});
        }
        for (BpeTokenizer.Merge m : merges) {
            int[] l = pieces.get(m.left());
            int[] r = pieces.get(m.right());
            int[] joined = new int[l.length + r.length];
            System.arraycopy(l, 0, joined, 0, l.length);
            System.arraycopy(r, 0, joined, l.length, r.length);
            pieces.add(joined);
        }
    }

    /**
     * Trains a character-level tokenizer: the base vocabulary is the sorted distinct characters (Unicode code
     * points) of {@code text}, then {@code vocabSize - base} merges are learned, fewer if the text runs out of
     * pairs.
     */
    public static NaiveBpe train(String text, int vocabSize) {
        int[] alphabet = text.codePoints().collect(TreeSet<Integer>::new, TreeSet::add, TreeSet::addAll)
                .stream().mapToInt(Integer::intValue).toArray();
        BpeTokenizer.checkVocabSize(vocabSize, alphabet.length, false);
        Map<Integer, Integer> idOf = new LinkedHashMap<>();
        for (int i = 0; i < alphabet.length; i++) {
            idOf.put(alphabet[i], i);
        }
        List<Integer> tokens = new ArrayList<>();
        text.codePoints().forEach(cp -> tokens.add(idOf.get(cp)));
        return new NaiveBpe(false, alphabet, learnMerges(tokens, alphabet.length, vocabSize));
    }

    /** Trains a byte-level tokenizer: the base vocabulary is all 256 byte values, id = byte value. */
    public static NaiveBpe trainBytes(byte[] data, int vocabSize) {
        BpeTokenizer.checkVocabSize(vocabSize, 256, true);
        int[] alphabet = new int[256];
        for (int i = 0; i < 256; i++) {
            alphabet[i] = i;
        }
        List<Integer> tokens = new ArrayList<>();
        for (byte b : data) {
            tokens.add(b & 0xFF);
        }
        return new NaiveBpe(true, alphabet, learnMerges(tokens, 256, vocabSize));
    }

    /** The training loop: count, pick, merge, repeat. */
    private static List<BpeTokenizer.Merge> learnMerges(List<Integer> tokens, int baseSize, int vocabSize) {
        List<BpeTokenizer.Merge> merges = new ArrayList<>();
        for (int newId = baseSize; newId < vocabSize; newId++) {
            Map<Pair, Integer> counts = countPairs(tokens);
            if (counts.isEmpty()) {
                break; // fewer than two tokens left: nothing more to merge
            }
            Pair best = mostFrequent(counts);
            merges.add(new BpeTokenizer.Merge(best.left(), best.right(), newId, counts.get(best)));
            tokens = merge(tokens, best, newId);
        }
        return merges;
    }

    /**
     * Counts every adjacent pair, overlaps included ({@code a a a} holds the pair {@code (a, a)} twice). The map
     * iterates in the order in which each pair first occurs in {@code tokens}.
     */
    public static Map<Pair, Integer> countPairs(List<Integer> tokens) {
        Map<Pair, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            counts.merge(new Pair(tokens.get(i), tokens.get(i + 1)), 1, Integer::sum);
        }
        return counts;
    }

    /** The pair with the highest count; among equal counts the one met first when iterating {@code counts}. */
    public static Pair mostFrequent(Map<Pair, Integer> counts) {
        Pair best = null;
        int bestCount = -1;
        for (Map.Entry<Pair, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) { // strictly greater: an equal count later on does not win
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /**
     * Replaces each occurrence of {@code pair} by {@code newId}, scanning left to right without overlaps:
     * merging {@code (a, a)} in {@code a a a} gives {@code aa a}.
     */
    public static List<Integer> merge(List<Integer> tokens, Pair pair, int newId) {
        List<Integer> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            if (i + 1 < tokens.size() && tokens.get(i) == pair.left() && tokens.get(i + 1) == pair.right()) {
                out.add(newId);
                i += 2;
            } else {
                out.add(tokens.get(i));
                i += 1;
            }
        }
        return out;
    }

    /**
     * The definition of BPE encoding: start from base symbol ids and apply every merge, in the order learned,
     * over the whole sequence.
     */
    public static int[] applyMerges(int[] baseIds, List<BpeTokenizer.Merge> merges) {
        // The same left-to-right scan as merge(), on a plain array so whole corpora are quick to check.
        int[] tokens = baseIds.clone();
        int n = tokens.length;
        for (BpeTokenizer.Merge m : merges) {
            int out = 0;
            int i = 0;
            while (i < n) {
                if (i + 1 < n && tokens[i] == m.left() && tokens[i + 1] == m.right()) {
                    tokens[out++] = m.id();
                    i += 2;
                } else {
                    tokens[out++] = tokens[i++];
                }
            }
            n = out;
        }
        return Arrays.copyOf(tokens, n);
    }

    /** The merges learned, in order; merge {@code i} created token id {@code base + i}. */
    public List<BpeTokenizer.Merge> merges() {
        return merges;
    }

    public int vocabSize() {
        return pieces.size();
    }

    public boolean byteLevel() {
        return byteLevel;
    }

    /** The text token {@code id} stands for (for byte-level tokens, partial UTF-8 shown as {@code \xHH}). */
    public String piece(int id) {
        int[] symbols = pieces.get(id);
        return byteLevel ? BpeTokenizer.readableUtf8(symbols) : new String(symbols, 0, symbols.length);
    }

    /** Encodes by {@link #applyMerges}: the text's characters (or UTF-8 bytes) become base ids first. */
    public int[] encode(String text) {
        int[] base;
        if (byteLevel) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            base = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                base[i] = bytes[i] & 0xFF;
            }
        } else {
            base = text.codePoints().map(cp -> {
                for (int id = 0; id < alphabet.length; id++) {
                    if (alphabet[id] == cp) {
                        return id;
                    }
                }
                throw new IllegalArgumentException("character U+" + Integer.toHexString(cp).toUpperCase()
                        + " was not in the training text");
            }).toArray();
        }
        return applyMerges(base, merges);
    }

    /** Joins the pieces of {@code ids} back into text. */
    public String decode(int[] ids) {
        if (byteLevel) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int id : ids) {
                for (int b : pieces.get(id)) {
                    out.write(b);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            for (int cp : pieces.get(id)) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }
}
