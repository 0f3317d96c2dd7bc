package llmfs.tui.cli;

import llmfs.tui.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tutor bpe train|encode|decode} through {@link Main#run}, with standard input and output redirected. */
class BpeCommandTest {
    @TempDir
    Path tmp;
    private InputStream oldIn;
    private PrintStream oldOut;
    private PrintStream oldErr;

    /** What one command line did. */
    private record Result(int code, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private static final String TEXT = "the cat sat on the mat.\nthe rat sat on the hat!\nthat cat, that rat.\n"
            + "then the cat ate the rat; the mat sat there.";

    @BeforeEach
    void keepStreams() {
        oldIn = System.in;
        oldOut = System.out;
        oldErr = System.err;
    }

    @AfterEach
    void restoreStreams() {
        System.setIn(oldIn);
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private Result run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream(stdin));
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(args);
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private Result run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Path train(String text, int vocab, boolean bytes) throws Exception {
        Path input = write("train-" + vocab + (bytes ? "-bytes" : "") + ".txt", text);
        Path tok = tmp.resolve("tok-" + vocab + (bytes ? "-bytes" : "") + ".bpe");
        Result r = bytes ? run("", "bpe", "train", "--vocab", String.valueOf(vocab), "--bytes", input.toString(), "-o",
                tok.toString()) : run("", "bpe", "train", "--vocab", String.valueOf(vocab), input.toString(), "-o",
                tok.toString());
        assertEquals(0, r.code(), r.err());
        return tok;
    }

    private static int[] ids(String encoded) {
        String s = encoded.strip();
        return s.isEmpty() ? new int[0] : Arrays.stream(s.split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    @Test
    void trainPrintsASummaryThatAgreesWithTheText() throws Exception {
        Path input = write("cats.txt", TEXT);
        Path tok = tmp.resolve("out/sub/cats.bpe"); // missing folders are created
        Result r = run("", "bpe", "train", "--vocab", "40", input.toString(), "-o", tok.toString());
        assertEquals(0, r.code(), r.err());
        long distinct = TEXT.chars().distinct().count();
        String o = r.text();
        assertTrue(o.contains("base alphabet  " + distinct + " characters"), o);
        assertTrue(o.contains("merges         " + (40 - distinct) + " (vocab 40)"), o);
        // The first merge is the most frequent adjacent pair, found here by brute force (ties: first seen wins).
        java.util.Map<String, Integer> pairs = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < TEXT.length(); i++) pairs.merge(TEXT.substring(i, i + 2), 1, Integer::sum);
        String best = pairs.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a).orElseThrow().getKey();
        String l = "'" + best.charAt(0) + "'", r2 = "'" + best.charAt(1) + "'";
        assertTrue(o.contains("first merge    " + l + " + " + r2 + " -> '" + best + "' (seen " + pairs.get(best)
                + " times)"), o);
        assertTrue(o.contains(TEXT.length() + " characters -> "), o);
        assertTrue(o.contains("merge 0 of " + (40 - distinct) + ": " + l + " + " + r2), "piped progress lines: " + o);
        assertFalse(o.contains("\r"), "no bar redraws when piped");
        assertTrue(Files.readString(tok).startsWith("llmfs-bpe 1 chars"), "saved in the tokenizer format");

        Result enc = run(TEXT, "bpe", "encode", "-t", tok.toString());
        int tokens = ids(enc.text()).length;
        assertTrue(o.contains("-> " + tokens + " tokens"), "the summary counts what encode produces: " + o);
        assertTrue(tokens < TEXT.length(), "merges make the text shorter");
    }

    @Test
    void characterLevelRoundTripIsExact() throws Exception {
        Path tok = train(TEXT, 45, false);
        String probe = "the cat sat.\n\nthat hat, then; the rat! ";
        Result enc = run(probe, "bpe", "encode", "-t", tok.toString());
        assertEquals(0, enc.code(), enc.err());
        Result dec = run(enc.out(), "bpe", "decode", "-t", tok.toString());
        assertEquals(0, dec.code(), dec.err());
        assertArrayEquals(probe.getBytes(StandardCharsets.UTF_8), dec.out(), "decode(encode(x)) gives x, byte for byte");
    }

    @Test
    void byteLevelRoundTripsUnicodeItNeverSaw() throws Exception {
        String training = "naïve café — 東京 and 😀 smiles; naïve café again, 東京 again. " + TEXT;
        Path tok = train(training, 300, true);
        String probe = "Ωmega ≠ omega; Zürich, 北京, 🎉🎉 and a tab\there\r\nend";
        Result enc = run(probe, "bpe", "encode", "-t", tok.toString());
        assertEquals(0, enc.code(), enc.err());
        assertTrue(ids(enc.text()).length > 0);
        Result dec = run(enc.out(), "bpe", "decode", "-t", tok.toString());
        assertEquals(0, dec.code(), dec.err());
        assertArrayEquals(probe.getBytes(StandardCharsets.UTF_8), dec.out());
    }

    @Test
    void decodeWritesTheExactBytesEvenHalfACharacter() throws Exception {
        Path tok = train(TEXT, 260, true);
        // Ids 0..255 of a byte-level tokenizer are the byte values; 0xC3 alone is not valid UTF-8 but must pass through.
        Result dec = run("104 105 195", "bpe", "decode", "-t", tok.toString());
        assertEquals(0, dec.code(), dec.err());
        assertArrayEquals(new byte[] {'h', 'i', (byte) 0xC3}, dec.out());
    }

    @Test
    void piecesShowOneVisibleTokenPerWord() throws Exception {
        Path tok = train(TEXT, 45, false);
        String probe = "the cat sat\non the mat";
        int[] ids = ids(run(probe, "bpe", "encode", "-t", tok.toString()).text());
        Result r = run(probe, "bpe", "encode", "-t", tok.toString(), "--pieces");
        assertEquals(0, r.code(), r.err());
        String[] shown = r.text().strip().split("\\s+");
        assertEquals(ids.length, shown.length, "spaces inside tokens are drawn visibly, so words = tokens: " + r.text());
        assertEquals(2, r.text().strip().split("\n").length, "a token ending a line ends the output line: " + r.text());
    }

    @Test
    void unknownCharacterNamesItsPlaceAndSuggestsBytes() throws Exception {
        Path tok = train(TEXT, 40, false);
        Result r = run("the cat\nsat é", "bpe", "encode", "-t", tok.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'é' (U+00E9)"), r.err());
        assertTrue(r.err().contains("line 2, column 5"), r.err());
        assertTrue(r.err().contains("--bytes"), r.err());
        assertEquals(0, r.out().length, "nothing on standard output");
    }

    @Test
    void badIdsAreNamedWithTheValidRange() throws Exception {
        Path tok = train(TEXT, 40, false);
        Result word = run("3 1 cat 2", "bpe", "decode", "-t", tok.toString());
        assertEquals(2, word.code());
        assertTrue(word.err().contains("'cat' (item 3 of the input) is not a token id"), word.err());
        assertTrue(word.err().contains("0 to 39"), word.err());
        Result high = run("3\n40", "bpe", "decode", "-t", tok.toString());
        assertEquals(2, high.code());
        assertTrue(high.err().contains("token id 40 (item 2 of the input) is out of range"), high.err());
        assertTrue(high.err().contains("ids 0 to 39"), high.err());
        Result negative = run("-1", "bpe", "decode", "-t", tok.toString());
        assertEquals(2, negative.code());
        assertTrue(negative.err().contains("token id -1 (item 1 of the input) is out of range"), negative.err());
        Result huge = run("99999999999999999999", "bpe", "decode", "-t", tok.toString());
        assertEquals(2, huge.code());
        assertTrue(huge.err().contains("is out of range"), huge.err());
        assertEquals(0, high.out().length + word.out().length, "a bad id leaves no partial output");
    }

    @Test
    void aVocabularyLargerThanTheTextCanGiveIsRefusedWithTheLimit() throws Exception {
        Path input = write("cats.txt", TEXT);
        long distinct = TEXT.chars().distinct().count();
        long largest = distinct + TEXT.length() - 1; // each merge joins two neighbours: at most length-1 merges
        Result r = run("", "bpe", "train", "--vocab", "1000000000", input.toString(), "-o", tmp.resolve("x.bpe").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
        assertTrue(r.err().contains("--vocab 1,000,000,000 is more than " + input + " can give"), r.err());
        assertTrue(r.err().contains(String.format(java.util.Locale.ROOT, "a vocabulary of at most %,d", largest)), r.err());
        assertFalse(Files.exists(tmp.resolve("x.bpe")));

        Result bytes = run("", "bpe", "train", "--bytes", "--vocab", String.valueOf(256 + TEXT.length()), input.toString(),
                "-o", tmp.resolve("y.bpe").toString());
        assertEquals(2, bytes.code(), "one more than the byte-level limit");
        assertTrue(bytes.err().contains("at most " + (TEXT.length() - 1) + " merges"), bytes.err());
        Result atLimit = run("", "bpe", "train", "--bytes", "--vocab", String.valueOf(256 + TEXT.length() - 1),
                input.toString(), "-o", tmp.resolve("z.bpe").toString());
        assertEquals(0, atLimit.code(), "the limit itself is allowed: " + atLimit.err());
    }

    @Test
    void missingAndUnreadableFilesAreNamed() throws Exception {
        Path missing = tmp.resolve("nope.txt");
        Result r = run("", "bpe", "train", "--vocab", "50", missing.toString(), "-o", tmp.resolve("x.bpe").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(missing.toString()) && r.err().contains("no such file"), r.err());

        Result dir = run("", "bpe", "train", "--vocab", "50", tmp.toString(), "-o", tmp.resolve("x.bpe").toString());
        assertEquals(2, dir.code());
        assertTrue(dir.err().contains("is a folder"), dir.err());

        Result noTok = run("abc", "bpe", "encode", "-t", tmp.resolve("none.bpe").toString());
        assertEquals(2, noTok.code());
        assertTrue(noTok.err().contains("cannot read the tokenizer") && noTok.err().contains("no such file"),
                noTok.err());

        Path text = write("some.txt", TEXT);
        Result toDir = run("", "bpe", "train", "--vocab", "50", text.toString(), "-o", tmp.toString());
        assertEquals(2, toDir.code());
        assertTrue(toDir.err().contains("is a folder; give the tokenizer a file name"), toDir.err());

        Path empty = write("empty.txt", "");
        Result e = run("", "bpe", "train", "--vocab", "50", empty.toString(), "-o", tmp.resolve("x.bpe").toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("is empty"), e.err());
    }

    @Test
    void corruptTokenizerFileGivesTheLineNumber() throws Exception {
        Path tok = train(TEXT, 40, false);
        List<String> lines = Files.readAllLines(tok, StandardCharsets.UTF_8);
        int mergesHeader = lines.indexOf(lines.stream().filter(l -> l.startsWith("merges ")).findFirst().orElseThrow());
        lines.set(mergesHeader + 2, "7 x 12");
        Files.write(tok, lines, StandardCharsets.UTF_8);
        Result r = run("the cat", "bpe", "encode", "-t", tok.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line " + (mergesHeader + 3)), "1-based line of the bad merge: " + r.err());
        assertTrue(r.err().contains("damaged") && r.err().contains("'x' is not a whole number"), r.err());

        Path binary = tmp.resolve("binary.bpe");
        Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2});
        Result b = run("the cat", "bpe", "decode", "-t", binary.toString());
        assertEquals(2, b.code());
        assertTrue(b.err().contains("is not a tokenizer file"), b.err());
    }

    @Test
    void characterLevelTrainingRejectsNonUtf8ButBytesAccepts() throws Exception {
        Path bin = tmp.resolve("latin1.txt");
        byte[] data = "caf\u00e9 caf\u00e9 caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(bin, data);
        Result r = run("", "bpe", "train", "--vocab", "20", bin.toString(), "-o", tmp.resolve("l.bpe").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not UTF-8") && r.err().contains("byte 3") && r.err().contains("--bytes"), r.err());
        Result ok = run("", "bpe", "train", "--vocab", "258", "--bytes", bin.toString(), "-o",
                tmp.resolve("l.bpe").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.text().contains("not counted"), "tokens of non-UTF-8 input are not counted: " + ok.text());
    }

    @Test
    void vocabularySmallerThanTheAlphabetIsExplained() throws Exception {
        Path input = write("small.txt", TEXT);
        Result r = run("", "bpe", "train", "--vocab", "5", input.toString(), "-o", tmp.resolve("s.bpe").toString());
        assertEquals(2, r.code());
        long distinct = TEXT.chars().distinct().count();
        assertTrue(r.err().contains("too small") && r.err().contains("use " + distinct + " or more"), r.err());
        assertFalse(Files.exists(tmp.resolve("s.bpe")));
    }

    @Test
    void bpeWithoutASubcommandShowsUsage() {
        Result r = run("", "bpe");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("train, encode or decode"), r.err());
    }
}
