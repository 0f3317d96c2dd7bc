package llmfs.compute.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokenizer file: round trips, the documented layout, and line-numbered errors. */
class BpeFileTest {
    @TempDir
    Path dir;

    @Test
    void characterLevelRoundTripGivesIdenticalEncodings() throws IOException {
        String text = TestCorpora.shakespeare();
        BpeTokenizer original = BpeTokenizer.train(text, 700);
        Path file = dir.resolve("shakespeare.bpe");
        BpeFile.save(original, file);
        BpeTokenizer loaded = BpeFile.load(file);
        assertEquals(original.merges(), loaded.merges());
        assertEquals(original.vocabSize(), loaded.vocabSize());
        for (int id = 0; id < original.vocabSize(); id++) {
            assertEquals(original.piece(id), loaded.piece(id));
        }
        String sample = TestCorpora.shakespeare().substring(500_000, 600_000);
        assertArrayEquals(original.encode(sample), loaded.encode(sample));
    }

    @Test
    void byteLevelRoundTripGivesIdenticalEncodings() throws IOException {
        String text = "na\u00efve caf\u00e9 \u4e2d\u6587 \uD83D\uDE00 "
                + TestCorpora.shakespeare().substring(0, 50_000);
        BpeTokenizer original = BpeTokenizer.trainBytes(text.getBytes(StandardCharsets.UTF_8), 400);
        BpeTokenizer loaded = BpeFile.parse(BpeFile.format(original), "test");
        assertTrue(loaded.byteLevel());
        assertEquals(original.merges(), loaded.merges());
        assertArrayEquals(original.encode(text), loaded.encode(text));
    }

    @Test
    void layoutIsTheDocumentedOne() throws IOException {
        // Alphabet ' ', a, b -> ids 0..2; (a,b) occurs twice first.
        String file = BpeFile.format(BpeTokenizer.train("ab ab", 4));
        assertEquals("llmfs-bpe 1 chars\nalphabet 3\n\\s\na\nb\nmerges 1\n1 2 2 # \"ab\"\n", file);
        String bytes = BpeFile.format(BpeTokenizer.trainBytes("aa".getBytes(StandardCharsets.UTF_8), 257));
        assertEquals("llmfs-bpe 1 bytes\nmerges 1\n97 97 1 # \"aa\"\n", bytes);
    }

    @Test
    void awkwardAlphabetSymbolsSurvive() throws IOException {
        String text = "a b\tc\nd\\e\r#f\u00a0g\u200bh\uD83D\uDE00i\u4e2d\"\ud800";
        BpeTokenizer original = BpeTokenizer.train(text, 30);
        String file = BpeFile.format(original);
        assertTrue(file.contains("\n\\u{A0}\n"), file);
        assertTrue(file.contains("\n\\u{200B}\n"), file);
        assertTrue(file.contains("\n\\u{D800}\n"), file);
        assertTrue(file.contains("\n\\t\n"), file);
        assertTrue(file.contains("\n\\\\\n"), file);
        BpeTokenizer loaded = BpeFile.parse(file, "test");
        assertEquals(original.merges(), loaded.merges());
        for (int id = 0; id < original.vocabSize(); id++) {
            assertEquals(original.piece(id), loaded.piece(id));
        }
        assertEquals(text, loaded.decode(loaded.encode(text)));
    }

    @Test
    void handWrittenFileWithCrlfAndCommentsLoads() throws IOException {
        String file = "llmfs-bpe 1 chars\r\nalphabet 2\r\nx\r\n\\u{79}\r\nmerges 2\r\n0 1 5 # xy\r\n2 2 1\r\n\r\n";
        BpeTokenizer t = BpeFile.parse(file, "hand.bpe");
        assertEquals("xyxy", t.piece(3));
        assertArrayEquals(new int[] {3, 0}, t.encode("xyxyx"));
    }

    private static BpeFile.FormatException failure(String contents) {
        return assertThrows(BpeFile.FormatException.class, () -> BpeFile.parse(contents, "t.bpe"));
    }

    @Test
    void truncatedFileNamesTheLineWhereItEnds() throws IOException {
        String full = BpeFile.format(BpeTokenizer.train("abcabcabd", 8));
        String[] lines = full.split("\n");
        // Keep the header, the alphabet (4 symbols) and "merges 4", then two of the four merges.
        String cut = String.join("\n", Arrays.copyOf(lines, 9)) + "\n";
        BpeFile.FormatException e = failure(cut);
        assertEquals(10, e.line());
        assertTrue(e.getMessage().startsWith("t.bpe, line 10: "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("merge 2 of 4"), e.getMessage());
    }

    @Test
    void corruptLinesNameTheLineAndTheProblem() {
        String ok = "llmfs-bpe 1 chars\nalphabet 2\na\nb\nmerges 2\n0 1 3\n2 1 1\n";
        assertEquals(1, failure("hello\n").line());
        assertTrue(failure("llmfs-bpe 2 chars\n").getMessage().contains("version 2"));
        assertTrue(failure("llmfs-bpe 1 words\n").getMessage().contains("'chars' or 'bytes'"));
        BpeFile.FormatException badMerge = failure(ok.replace("2 1 1", "2 x 1"));
        assertEquals(7, badMerge.line());
        assertTrue(badMerge.getMessage().contains("'x'"), badMerge.getMessage());
        BpeFile.FormatException future = failure(ok.replace("0 1 3", "0 2 3"));
        assertEquals(6, future.line());
        assertTrue(future.getMessage().contains("ids 0..1"), future.getMessage());
        assertEquals(7, failure(ok.replace("2 1 1", "0 1 1")).line()); // repeats merge 0
        assertEquals(7, failure(ok.replace("2 1 1", "2 1")).line());
        assertEquals(7, failure(ok.replace("2 1 1", "2 1 -4")).line());
        assertEquals(4, failure(ok.replace("a\nb\n", "a\na\n")).line());
        assertEquals(4, failure(ok.replace("a\nb\n", "a\nbc\n")).line());
        assertEquals(4, failure(ok.replace("a\nb\n", "a\n\\q\n")).line());
        assertEquals(4, failure(ok.replace("a\nb\n", "a\n\n")).line());
        assertEquals(5, failure(ok.replace("merges 2", "merges two")).line());
        assertEquals(8, failure(ok + "3 3 1\n").line());
    }
}
