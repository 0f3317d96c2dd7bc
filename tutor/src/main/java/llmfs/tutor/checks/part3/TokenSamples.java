package llmfs.tutor.checks.part3;

import llmfs.compute.Rng;
import llmfs.compute.data.Corpora;
import llmfs.tutor.checks.TextDisplay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Inputs and displays shared by the Part 3 checks. */
final class TokenSamples {
    /** Small pieces that overlap in interesting ways ("th" + "e" vs "the"), for token lists that are not characters. */
    private static final String[] PIECES = {"t", "h", "e", "th", "he", "the", " ", "e ", "a", "an", "n", "d", "and", "s"};

    private TokenSamples() {
    }

    /**
     * Text made of a few invented words, so pairs repeat the way they do in real text: 3-8 letters, 2-7 words of
     * 1-6 letters, separated by spaces and the odd newline. Now and then a run of one letter, to exercise
     * overlapping pairs.
     */
    static String randomText(Rng rng, int maxWords) {
        List<Character> letters = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) letters.add(c);
        rng.shuffle(letters);
        int k = 3 + rng.nextInt(6);
        List<String> words = new ArrayList<>();
        int w = 2 + rng.nextInt(6);
        for (int i = 0; i < w; i++) {
            StringBuilder sb = new StringBuilder();
            if (rng.nextInt(6) == 0) {
                sb.append(String.valueOf(letters.get(0)).repeat(2 + rng.nextInt(5)));
            } else {
                int len = 1 + rng.nextInt(6);
                for (int j = 0; j < len; j++) sb.append(letters.get(rng.nextInt(k)));
            }
            words.add(sb.toString());
        }
        int n = 1 + rng.nextInt(maxWords);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) text.append(rng.nextInt(8) == 0 ? '\n' : ' ');
            text.append(words.get(rng.nextInt(words.size())));
        }
        return text.toString();
    }

    /** Tokens that are either a random text's characters or random multi-character pieces. */
    static List<String> randomTokens(Rng rng) {
        if (rng.nextInt(2) == 0) return fresh(BpeReference.chars(randomText(rng, 12)));
        int n = rng.nextInt(40);
        int k = 2 + rng.nextInt(PIECES.length - 1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new String(PIECES[rng.nextInt(k)]));
        return out;
    }

    /**
     * Copies whose strings are new objects, none of them the same object as another: code that compares tokens
     * with == instead of equals() then fails as it would on real data.
     */
    static List<String> fresh(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) out.add(new String(t));
        return out;
    }

    /** A slice of Tiny Shakespeare of {@code length} characters at a random place. */
    static String shakespeare(Rng rng, int length) {
        String all = Corpora.locate().text("tinyshakespeare.txt");
        int start = rng.nextInt(all.length() - length);
        return all.substring(start, start + length);
    }

    /** {@code ['lo', 'w', '␣']}: tokens quoted, with newline, tab and space made visible; cut after {@code max}. */
    static String show(List<String> tokens, int max) {
        if (tokens == null) return "null";
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(tokens.size(), max); i++) sb.append(i == 0 ? "" : ", ").append(token(tokens.get(i)));
        if (tokens.size() > max) sb.append(", … (").append(tokens.size()).append(" tokens)");
        return sb.append(']').toString();
    }

    /** {@code 'e␣'}: one token quoted, with newline, tab and space made visible. */
    static String token(String t) {
        if (t == null) return "null";
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < t.length(); i++) sb.append(TextDisplay.visible(t.charAt(i)));
        return sb.append('\'').toString();
    }

    /** {@code ('l', 'o')}. */
    static String pair(List<String> p) {
        if (p == null) return "null";
        if (p.size() != 2) return String.valueOf(p) + " (a pair needs 2 strings)";
        return "(" + token(p.get(0)) + ", " + token(p.get(1)) + ")";
    }

    /** {@code [('l', 'o'), ('lo', 'w')]}. */
    static String pairs(List<List<String>> merges, int max) {
        if (merges == null) return "null";
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(merges.size(), max); i++) sb.append(i == 0 ? "" : ", ").append(pair(merges.get(i)));
        if (merges.size() > max) sb.append(", … (").append(merges.size()).append(" pairs)");
        return sb.append(']').toString();
    }

    /** {@code ('l', 'o')=3  ('o', 'w')=3}. */
    static String counts(Map<List<String>, Integer> counts, int max) {
        if (counts == null) return "null";
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
            if (i == max) {
                sb.append("  … (").append(counts.size()).append(" pairs)");
                break;
            }
            sb.append(i++ == 0 ? "" : "  ").append(pair(e.getKey())).append('=').append(e.getValue());
        }
        return sb.length() == 0 ? "(no pairs)" : sb.toString();
    }
}
