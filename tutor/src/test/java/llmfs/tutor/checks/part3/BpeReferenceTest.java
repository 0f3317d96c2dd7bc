package llmfs.tutor.checks.part3;

import llmfs.compute.Rng;
import llmfs.compute.text.BpeTokenizer;
import llmfs.compute.text.NaiveBpe;
import llmfs.tutor.checks.part3.BpeReference.Tie;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Part 3 checks' string-token BPE: hand-worked examples, and agreement with compute's id-based NaiveBpe wherever
 * the two must agree (every token string distinct).
 */
class BpeReferenceTest {

    @Test
    void countsEveryOverlappingPairInFirstOccurrenceOrder() {
        Map<List<String>, Integer> c = BpeReference.counts(BpeReference.chars("aaab"));
        assertEquals(List.of(List.of("a", "a"), List.of("a", "b")), new ArrayList<>(c.keySet()));
        assertEquals(List.of(2, 1), new ArrayList<>(c.values()));
        assertTrue(BpeReference.counts(List.of("x")).isEmpty());
    }

    @Test
    void mergesLeftToRightWithoutOverlap() {
        assertEquals(List.of("aa", "a"), BpeReference.merge(BpeReference.chars("aaa"), "a", "a"));
        assertEquals(List.of("aa", "a", "b", "d", "aa", "a", "b", "a", "c"),
                BpeReference.merge(BpeReference.chars("aaabdaaabac"), "a", "a"));
        assertEquals(List.of("l", "o", "w"), BpeReference.merge(BpeReference.chars("low"), "o", "l"));
    }

    /** Worked by hand: (l,o) and (o,w) both occur 3 times, (l,o) first; then ties of 2 go to the earlier pair. */
    @Test
    void trainsLowLowerLowest() {
        assertEquals(List.of(List.of("l", "o"), List.of("lo", "w"), List.of(" ", "low"), List.of(" low", "e")),
                BpeReference.train("low lower lowest", 4));
    }

    /** The text the 3.3 check opens with: after (u,g), five pairs tie at 2, so each tie-break picks differently. */
    @Test
    void tieBreaksDifferOnHugPug() {
        String text = "hug pug pun bun hugs";
        assertEquals(List.of(List.of("u", "g"), List.of("h", "ug"), List.of(" ", "p"), List.of("u", "n")),
                BpeReference.train(text, 4));
        List<List<String>> last = BpeReference.train(text, 4, Tie.LAST_OCCURRENCE);
        List<List<String>> alpha = BpeReference.train(text, 4, Tie.ALPHABETICAL);
        assertEquals(List.of("n", " "), last.get(1));
        assertEquals(List.of(" ", "p"), alpha.get(1));
        assertNotEquals(last, alpha);
    }

    @Test
    void stopsWhenNoPairIsLeft() {
        assertEquals(List.of(List.of("a", "a"), List.of("aa", "aa")), BpeReference.train("aaaa", 5));
        assertTrue(BpeReference.train("", 3).isEmpty());
        assertTrue(BpeReference.train("x", 3).isEmpty());
    }

    @Test
    void agreesWithNaiveBpeOnRandomTexts() {
        Rng rng = new Rng(7);
        int compared = 0;
        for (int round = 0; round < 300; round++) {
            String text = TokenSamples.randomText(rng, 40);
            int merges = rng.nextInt(25);
            NaiveBpe naive = NaiveBpe.train(text, (int) text.chars().distinct().count() + merges);
            if (!distinctPieces(naive)) continue; // id-based and string-based BPE may part ways here
            List<List<String>> expected = new ArrayList<>();
            for (BpeTokenizer.Merge m : naive.merges()) expected.add(List.of(naive.piece(m.left()), naive.piece(m.right())));
            List<List<String>> learned = BpeReference.train(text, merges);
            assertEquals(expected, learned, text);

            String other = TokenSamples.randomText(rng, 10).chars().filter(ch -> text.indexOf(ch) >= 0)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            List<String> pieces = new ArrayList<>();
            for (int id : naive.encode(other)) pieces.add(naive.piece(id));
            assertEquals(pieces, BpeReference.encode(other, learned), other);
            compared++;
        }
        assertTrue(compared > 200, "compared only " + compared + " texts");
    }

    @Test
    void vocabularyIsSortedCharactersThenMerges() {
        List<String> vocab = BpeReference.vocab("low lower lowest", BpeReference.train("low lower lowest", 4));
        assertEquals(List.of(" ", "e", "l", "o", "r", "s", "t", "w", "lo", "low", " low", " lowe"), vocab);
        assertEquals(9, BpeReference.ids(vocab).get("low"));
        assertFalse(BpeReference.ids(vocab).containsKey("zz"));
    }

    private static boolean distinctPieces(NaiveBpe bpe) {
        Set<String> seen = new HashSet<>();
        for (int id = 0; id < bpe.vocabSize(); id++) if (!seen.add(bpe.piece(id))) return false;
        return true;
    }
}
