package llmfs.compute.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every BPE number the course prints (Part 3), reproduced by the fast tokenizer. */
class BpeCourseNumbersTest {
    private static BpeTokenizer shakespeare;
    private static BpeTokenizer names;

    @BeforeAll
    static void train() {
        shakespeare = BpeTokenizer.train(TestCorpora.shakespeare(), 300);
        names = BpeTokenizer.train(TestCorpora.namesText(), 100);
    }

    private static void assertMerge(BpeTokenizer t, int index, String left, String right, long count) {
        BpeTokenizer.Merge m = t.merge(index);
        assertEquals(left, t.piece(m.left()), "left part of merge " + index);
        assertEquals(right, t.piece(m.right()), "right part of merge " + index);
        assertEquals(left + right, t.piece(m.id()));
        assertEquals(count, m.count(), "count of merge " + index);
        assertEquals(t.baseSize() + index, m.id());
    }

    private static String[] pieces(BpeTokenizer t, int[] ids) {
        return Arrays.stream(ids).mapToObj(t::piece).toArray(String[]::new);
    }

    @Test
    void shakespeareVocabulary() {
        assertEquals(1_115_394, TestCorpora.shakespeare().length());
        assertEquals(65, shakespeare.baseSize());
        assertEquals(235, shakespeare.mergeCount());
        assertEquals(300, shakespeare.vocabSize());
        String[] first = {"\n", " ", "!", "$", "&", "'", ",", "-", ".", "3"};
        for (int id = 0; id < first.length; id++) {
            assertEquals(first[id], shakespeare.piece(id));
        }
    }

    @Test
    void shakespeareMerges() {
        assertMerge(shakespeare, 0, "e", " ", 27_643);
        assertMerge(shakespeare, 50, "l", "i", 2_358);
        assertMerge(shakespeare, 100, "w", "ith", 1_258);
        assertMerge(shakespeare, 150, "a", "y ", 849);
        assertMerge(shakespeare, 200, "s", "ha", 636);
    }

    @Test
    void shakespeareLongTokens() {
        assertEquals("e.\n\n", shakespeare.piece(247));
        assertEquals(" the ", shakespeare.piece(113));
        assertEquals(",\nAnd ", shakespeare.piece(231));
        assertEquals(" that ", shakespeare.piece(288));
    }

    @Test
    void shakespeareCompression() {
        int[] ids = shakespeare.encode(TestCorpora.shakespeare());
        assertEquals(578_590, ids.length);
        assertEquals("1.93", String.format("%.2f", 1_115_394.0 / ids.length));
    }

    @Test
    void shakespeareExamples() {
        int[] ids = shakespeare.encode("To be or not to be");
        assertArrayEquals(new int[] {227, 197, 77, 1, 136, 92, 178}, ids);
        assertArrayEquals(new String[] {"To ", "be ", "or", " ", "not ", "to ", "be"}, pieces(shakespeare, ids));

        int[] king = shakespeare.encode("the king");
        assertArrayEquals(new int[] {104, 49, 100}, king);
        assertArrayEquals(new String[] {"the ", "k", "ing"}, pieces(shakespeare, king));

        int[] romeo = shakespeare.encode("ROMEO: Wherefore art thou");
        assertArrayEquals(new int[] {30, 27, 25, 17, 27, 10, 1, 169, 72, 43, 109, 65, 81, 67, 185}, romeo);
        assertArrayEquals(new String[] {"R", "O", "M", "E", "O", ":", " ", "Wh", "er", "e", "for", "e ", "ar", "t ",
            "thou"}, pieces(shakespeare, romeo));

        for (String s : new String[] {"To be or not to be", "the king", "ROMEO: Wherefore art thou"}) {
            assertEquals(s, shakespeare.decode(shakespeare.encode(s)));
        }
    }

    @Test
    void namesCorpus() {
        assertEquals(6_184, TestCorpora.names().size());
        assertEquals(44_324, TestCorpora.namesText().length());
    }

    @Test
    void namesMergesAndCompression() {
        assertEquals(27, names.baseSize());
        assertEquals("\n", names.piece(0));
        assertEquals("a", names.piece(1));
        assertEquals(73, names.mergeCount());
        assertMerge(names, 0, "a", "\n", 1_510);
        assertMerge(names, 50, "ee", "t", 112);
        int[] ids = names.encode(TestCorpora.namesText());
        assertEquals(26_636, ids.length);
        assertEquals("1.66", String.format("%.2f", 44_324.0 / ids.length));
    }

    @Test
    void namesExamples() {
        assertArrayEquals(new String[] {"n", "i", "p", "un"}, pieces(names, names.encode("nipun")));
        assertArrayEquals(new String[] {"p", "r", "i", "y", "a"}, pieces(names, names.encode("priya")));
        assertArrayEquals(new String[] {"ar", "j", "un"}, pieces(names, names.encode("arjun")));
        assertArrayEquals(new String[] {"k", "r", "ish", "n", "a"}, pieces(names, names.encode("krishna")));
    }
}
