package llmfs.compute.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import llmfs.compute.Rng;
import org.junit.jupiter.api.Test;

/**
 * The fast trainer and encoder against {@link NaiveBpe}, the step-by-step definition: same merges in the same
 * order with the same counts, and the same token ids as applying every merge in order.
 */
class BpeEquivalenceTest {
    // Includes an emoji (two UTF-16 units) so character-level training is checked on code points.
    private static final int[] POOL = "abcde xyz\n.\u00e9\u4e2d".codePoints().toArray();
    private static final int EMOJI = 0x1F600;

    /** Random text over a few symbols, with runs ("aaaa") and repeated words so ties and overlaps occur. */
    private static String randomText(Rng rng, int[] alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        String[] words = new String[3];
        for (int w = 0; w < words.length; w++) {
            StringBuilder word = new StringBuilder();
            int len = 2 + rng.nextInt(4);
            for (int i = 0; i < len; i++) {
                word.appendCodePoint(alphabet[rng.nextInt(alphabet.length)]);
            }
            words[w] = word.toString();
        }
        while (sb.codePointCount(0, sb.length()) < length) {
            int kind = rng.nextInt(4);
            int cp = alphabet[rng.nextInt(alphabet.length)];
            if (kind == 0) {
                int run = 2 + rng.nextInt(6);
                for (int i = 0; i < run; i++) {
                    sb.appendCodePoint(cp);
                }
            } else if (kind == 1) {
                sb.append(words[rng.nextInt(words.length)]);
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    private static int[] randomAlphabet(Rng rng) {
        int n = 1 + rng.nextInt(6);
        int[] alphabet = new int[n];
        for (int i = 0; i < n; i++) {
            alphabet[i] = rng.nextInt(8) == 0 ? EMOJI : POOL[rng.nextInt(POOL.length)];
        }
        return alphabet;
    }

    private static int[] sequential(BpeTokenizer t, String text) {
        int[] base;
        if (t.byteLevel()) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            base = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                base[i] = bytes[i] & 0xFF;
            }
        } else {
            java.util.Map<Integer, Integer> idOf = new java.util.HashMap<>();
            for (int id = 0; id < t.baseSize(); id++) {
                idOf.put(t.piece(id).codePointAt(0), id);
            }
            base = text.codePoints().map(idOf::get).toArray();
        }
        return NaiveBpe.applyMerges(base, t.merges());
    }

    @Test
    void characterLevelTrainingMatchesNaiveOnRandomCorpora() {
        Rng rng = new Rng(20240601L);
        for (int trial = 0; trial < 300; trial++) {
            int[] alphabet = randomAlphabet(rng);
            String text = randomText(rng, alphabet, 1 + rng.nextInt(trial < 250 ? 120 : 1500));
            int distinct = (int) text.codePoints().distinct().count();
            int vocab = distinct + rng.nextInt(80);
            NaiveBpe naive = NaiveBpe.train(text, vocab);
            BpeTokenizer fast = BpeTokenizer.train(text, vocab);
            assertEquals(naive.merges(), fast.merges(), () -> "trial " + text);
            assertEquals(naive.vocabSize(), fast.vocabSize());
            assertArrayEquals(naive.encode(text), fast.encode(text), "encoding of the training text");
            String other = randomText(rng, alphabet, 1 + rng.nextInt(1500)).codePoints()
                    .filter(cp -> text.indexOf(new String(Character.toChars(cp))) >= 0)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            assertArrayEquals(sequential(fast, other), fast.encode(other), () -> "encoding of " + other);
            assertEquals(other, fast.decode(fast.encode(other)));
        }
    }

    @Test
    void byteLevelTrainingMatchesNaiveOnRandomBytes() {
        Rng rng = new Rng(7L);
        for (int trial = 0; trial < 150; trial++) {
            int symbols = 1 + rng.nextInt(5);
            byte[] values = new byte[symbols];
            for (int i = 0; i < symbols; i++) {
                values[i] = (byte) rng.nextInt(256);
            }
            byte[] data = new byte[rng.nextInt(trial < 120 ? 150 : 1200)];
            for (int i = 0; i < data.length; ) {
                byte b = values[rng.nextInt(symbols)];
                int run = rng.nextInt(3) == 0 ? 1 + rng.nextInt(6) : 1;
                for (int r = 0; r < run && i < data.length; r++) {
                    data[i++] = b;
                }
            }
            int vocab = 256 + rng.nextInt(60);
            NaiveBpe naive = NaiveBpe.trainBytes(data, vocab);
            BpeTokenizer fast = BpeTokenizer.trainBytes(data, vocab);
            assertEquals(naive.merges(), fast.merges(), "trial " + trial);
        }
    }

    @Test
    void byteLevelOnUnicodeTextMatchesNaive() {
        Rng rng = new Rng(99L);
        int[] alphabet = {'a', 'b', ' ', 0xE9, 0x4E2D, 0x6587, EMOJI, 0x1F680};
        for (int trial = 0; trial < 40; trial++) {
            String text = randomText(rng, alphabet, 50 + rng.nextInt(400));
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            int vocab = 256 + rng.nextInt(100);
            NaiveBpe naive = NaiveBpe.trainBytes(data, vocab);
            BpeTokenizer fast = BpeTokenizer.trainBytes(data, vocab);
            assertEquals(naive.merges(), fast.merges(), "trial " + trial);
            String other = randomText(rng, alphabet, 1 + rng.nextInt(1500));
            assertArrayEquals(naive.encode(other), fast.encode(other));
        }
    }

    @Test
    void shakespeareSliceMatchesNaive() {
        String slice = TestCorpora.shakespeare().substring(0, 50_000);
        NaiveBpe naive = NaiveBpe.train(slice, 400);
        BpeTokenizer fast = BpeTokenizer.train(slice, 400);
        assertEquals(400, fast.vocabSize());
        assertEquals(naive.merges(), fast.merges());
        assertArrayEquals(naive.encode(slice), fast.encode(slice));
    }

    @Test
    void fastEncodingMatchesSequentialMergesOnTheWholeCorpus() {
        String text = TestCorpora.shakespeare();
        BpeTokenizer t = BpeTokenizer.train(text, 300);
        assertArrayEquals(sequential(t, text), t.encode(text));
    }

    @Test
    void fastEncodingMatchesSequentialMergesAtLargeVocab() {
        String text = TestCorpora.shakespeare();
        BpeTokenizer t = BpeTokenizer.train(text, 2000);
        String slice = text.substring(200_000, 260_000);
        assertArrayEquals(sequential(t, slice), t.encode(slice));
        BpeTokenizer b = BpeTokenizer.trainBytes(text.getBytes(StandardCharsets.UTF_8), 2000);
        assertArrayEquals(sequential(b, slice), b.encode(slice));
    }

    @Test
    void textWithoutSplitPointsEncodesLikeSequentialMerges() {
        // Every adjacent pair of 'a' and 'b' is a merge junction here, so the whole input is a single chunk.
        Rng rng = new Rng(3L);
        StringBuilder training = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            training.append(rng.nextInt(3) == 0 ? "ab" : rng.nextInt(2) == 0 ? "aa" : "bba");
        }
        BpeTokenizer t = BpeTokenizer.train(training.toString(), 120);
        for (int trial = 0; trial < 20; trial++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + rng.nextInt(5000);
            for (int i = 0; i < n; i++) {
                s.append(rng.nextInt(2) == 0 ? 'a' : 'b');
            }
            String text = s.toString();
            assertArrayEquals(sequential(t, text), t.encode(text), "length " + n);
        }
    }

    @Test
    void trainingStopsWhenNoPairsAreLeft() {
        BpeTokenizer t = BpeTokenizer.train("abab", 10);
        // (a,b) makes "ab", then ("ab","ab") makes "abab"; one token is left, so no third merge exists.
        assertEquals(2, t.mergeCount());
        assertEquals("abab", t.piece(t.vocabSize() - 1));
        assertEquals(NaiveBpe.train("abab", 10).merges(), t.merges());
    }

    @Test
    void listenerHearsEveryMergeInOrder() {
        List<BpeTokenizer.Merge> heard = new java.util.ArrayList<>();
        int[] lastTotal = {-1};
        BpeTokenizer t = BpeTokenizer.train(TestCorpora.namesText(), 100, (index, total, merge) -> {
            assertEquals(heard.size(), index);
            lastTotal[0] = total;
            heard.add(merge);
        });
        assertEquals(t.merges(), heard);
        assertEquals(73, lastTotal[0]);
    }
}
