package llmfs.tutor.checks.part3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BPE over string tokens, the way Part 3 defines it, as the checks' reference. Tokens are compared as strings: two
 * merges that spell the same string make the same token (an id-based tokenizer would keep them apart, which is why
 * the checks do not compare with one directly).
 */
final class BpeReference {
    /** How a tie between equally frequent pairs is broken: the course's rule, and two known mistakes. */
    enum Tie { FIRST_OCCURRENCE, LAST_OCCURRENCE, ALPHABETICAL }

    private BpeReference() {
    }

    /** Each text character as a one-character string. */
    static List<String> chars(String text) {
        List<String> out = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) out.add(String.valueOf(text.charAt(i)));
        return out;
    }

    /** Counts of neighbouring pairs, overlaps included, in order of first occurrence. */
    static Map<List<String>, Integer> counts(List<String> tokens) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < tokens.size(); i++) counts.merge(List.of(tokens.get(i), tokens.get(i + 1)), 1, Integer::sum);
        return counts;
    }

    /** Left-to-right, non-overlapping replacement of (left, right) by left + right. */
    static List<String> merge(List<String> tokens, String left, String right) {
        List<String> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            if (i + 1 < tokens.size() && tokens.get(i).equals(left) && tokens.get(i + 1).equals(right)) {
                out.add(left + right);
                i += 2;
            } else {
                out.add(tokens.get(i++));
            }
        }
        return out;
    }

    /** The most frequent pair under {@code tie}; null when there is none. */
    static List<String> best(Map<List<String>, Integer> counts, Tie tie) {
        List<String> best = null;
        int bestCount = 0;
        for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
            int n = e.getValue();
            boolean better = n > bestCount
                    || n == bestCount && tie == Tie.LAST_OCCURRENCE
                    || n == bestCount && tie == Tie.ALPHABETICAL && alphabeticallyBefore(e.getKey(), best);
            if (better) {
                best = e.getKey();
                bestCount = n;
            }
        }
        return best;
    }

    private static boolean alphabeticallyBefore(List<String> a, List<String> b) {
        int byLeft = a.get(0).compareTo(b.get(0));
        return byLeft != 0 ? byLeft < 0 : a.get(1).compareTo(b.get(1)) < 0;
    }

    /** The course's training: up to {@code merges} merges, first-occurrence tie-break. */
    static List<List<String>> train(String text, int merges) {
        return train(text, merges, Tie.FIRST_OCCURRENCE);
    }

    /** Training with a chosen tie-break; stops early when no pair is left. */
    static List<List<String>> train(String text, int merges, Tie tie) {
        List<String> tokens = chars(text);
        List<List<String>> learned = new ArrayList<>();
        for (int step = 0; step < merges; step++) {
            List<String> pair = best(counts(tokens), tie);
            if (pair == null) break;
            learned.add(pair);
            tokens = merge(tokens, pair.get(0), pair.get(1));
        }
        return learned;
    }

    /** The tokens left after applying the first {@code steps} merges (the state training saw at that step). */
    static List<String> tokensAfter(String text, List<List<String>> merges, int steps) {
        List<String> tokens = chars(text);
        for (int k = 0; k < steps; k++) tokens = merge(tokens, merges.get(k).get(0), merges.get(k).get(1));
        return tokens;
    }

    /** Encoding: the characters, then every merge in learned order. */
    static List<String> encode(String text, List<List<String>> merges) {
        return tokensAfter(text, merges, merges.size());
    }

    /**
     * A vocabulary as a trained tokenizer numbers it: the sorted distinct characters of the training text, then
     * one entry per merge.
     */
    static List<String> vocab(String trainingText, List<List<String>> merges) {
        List<String> vocab = new ArrayList<>();
        trainingText.chars().distinct().sorted().forEach(c -> vocab.add(String.valueOf((char) c)));
        for (List<String> m : merges) vocab.add(m.get(0) + m.get(1));
        return vocab;
    }

    /** String to id; where two merges spell the same string, the first id is kept. */
    static Map<String, Integer> ids(List<String> vocab) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < vocab.size(); i++) ids.putIfAbsent(vocab.get(i), i);
        return ids;
    }
}
