package llmfs.compute.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorporaTest {
    private static final String SHAKESPEARE_SHA =
            "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed";

    @TempDir
    Path tmp;

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** A corpora directory with two small files and a correct checksum list. */
    private Path miniCorpora(Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("corpora"));
        byte[] a = "alpha\r\nbeta\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] b = "x\ny".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("a.txt"), a);
        Files.write(dir.resolve("b.txt"), b);
        Files.writeString(dir.resolve("checksums.sha256"),
                sha256(a) + "  a.txt\n" + sha256(b) + " *b.txt\n");
        return dir;
    }

    @Test
    void locateFindsTheProjectCorporaAndEveryListedFileVerifies() throws Exception {
        Corpora c = Corpora.locate();
        assertEquals("corpora", c.dir().getFileName().toString());
        assertEquals(Set.of("names-indian.csv", "names-english.txt", "names-english.LICENSE.txt",
                "names-indian-bsd-male.txt", "names-indian-bsd-female.txt", "names-indian-bsd.LICENSE.txt",
                "tinyshakespeare.txt", "instructions.jsonl", "preferences.jsonl"), c.fileNames());
        for (String f : c.fileNames()) {
            byte[] data = c.bytes(f);
            assertEquals(Files.size(c.dir().resolve(f)), data.length, f);
        }
        byte[] shakespeare = c.bytes("tinyshakespeare.txt");
        assertEquals(1_115_394, shakespeare.length);
        assertEquals(SHAKESPEARE_SHA, sha256(shakespeare));
        assertTrue(c.text("tinyshakespeare.txt").startsWith("First Citizen:\nBefore we proceed any further"));
    }

    @Test
    void linesHandleCrlfAndMissingFinalNewline() throws Exception {
        Corpora c = new Corpora(miniCorpora(tmp));
        assertEquals(List.of("alpha", "beta"), c.lines("a.txt"));
        assertEquals(List.of("x", "y"), c.lines("b.txt"));
        assertEquals("alpha\r\nbeta\r\n", c.text("a.txt"));
    }

    @Test
    void courseCsvHasCrlfLinesAndTheHeaderTheCourseReads() {
        Corpora c = Corpora.locate();
        List<String> lines = c.lines("names-indian.csv");
        assertEquals(",Name", lines.get(0));
        assertEquals(6_487, lines.size()); // header + 6,486 rows
        assertTrue(c.text("names-indian.csv").startsWith(",Name\r\n0,aabid\r\n"));
    }

    @Test
    void corruptedCopyIsRejectedWithFileNameBothHashesAndTheFix() throws Exception {
        Corpora real = Corpora.locate();
        Path dir = Files.createDirectories(tmp.resolve("corpora"));
        Files.copy(real.dir().resolve("checksums.sha256"), dir.resolve("checksums.sha256"));
        byte[] data = real.bytes("tinyshakespeare.txt");
        data[0] = 'f'; // "first Citizen" instead of "First Citizen"
        Files.write(dir.resolve("tinyshakespeare.txt"), data);

        CorpusException e = assertThrows(CorpusException.class, () -> new Corpora(dir).text("tinyshakespeare.txt"));
        String msg = e.getMessage();
        assertEquals("tinyshakespeare.txt", e.fileName());
        assertTrue(msg.contains("tinyshakespeare.txt"), msg);
        assertTrue(msg.contains(SHAKESPEARE_SHA), msg);
        assertTrue(msg.contains(sha256(data)), msg);
        assertTrue(msg.contains("git checkout -- corpora/tinyshakespeare.txt"), msg);
    }

    @Test
    void crlfConvertedCopyIsRejected() throws Exception {
        Path dir = miniCorpora(tmp);
        Files.writeString(dir.resolve("a.txt"), "alpha\nbeta\n"); // what a line-ending conversion would do
        CorpusException e = assertThrows(CorpusException.class, () -> new Corpora(dir).lines("a.txt"));
        assertTrue(e.getMessage().contains("a.txt"));
    }

    @Test
    void verifiedContentIsKeptSoALaterChangeDoesNotLeakIntoTheSameInstance() throws Exception {
        Path dir = miniCorpora(tmp);
        Corpora c = new Corpora(dir);
        byte[] before = c.bytes("b.txt");
        Files.writeString(dir.resolve("b.txt"), "tampered");
        assertArrayEquals(before, c.bytes("b.txt"));
        // A fresh instance verifies again and notices.
        assertThrows(CorpusException.class, () -> new Corpora(dir).bytes("b.txt"));
    }

    @Test
    void returnedBytesAreACopy() throws Exception {
        Corpora c = new Corpora(miniCorpora(tmp));
        c.bytes("b.txt")[0] = 'Q';
        assertEquals("x\ny", c.text("b.txt"));
    }

    @Test
    void missingFileSaysWhereItWasExpectedAndHowToRestoreIt() throws Exception {
        Path dir = miniCorpora(tmp);
        Files.delete(dir.resolve("a.txt"));
        CorpusException e = assertThrows(CorpusException.class, () -> new Corpora(dir).bytes("a.txt"));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("a.txt").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("git checkout -- corpora/a.txt"), e.getMessage());
    }

    @Test
    void unknownNameListsTheKnownFiles() throws Exception {
        Corpora c = new Corpora(miniCorpora(tmp));
        CorpusException e = assertThrows(CorpusException.class, () -> c.bytes("names.txt"));
        assertTrue(e.getMessage().contains("names.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("a.txt, b.txt"), e.getMessage());
    }

    @Test
    void pathsOutsideTheDirectoryAreUnknownNames() throws Exception {
        Corpora c = new Corpora(miniCorpora(tmp));
        assertThrows(CorpusException.class, () -> c.bytes("../corpora/a.txt"));
    }

    @Test
    void missingOrMalformedChecksumListIsReported() throws Exception {
        Path dir = miniCorpora(tmp);
        Files.writeString(dir.resolve("checksums.sha256"), "abc  a.txt\n");
        CorpusException bad = assertThrows(CorpusException.class, () -> new Corpora(dir));
        assertTrue(bad.getMessage().contains("Line 1"), bad.getMessage());

        Files.delete(dir.resolve("checksums.sha256"));
        CorpusException missing = assertThrows(CorpusException.class, () -> new Corpora(dir));
        assertEquals("checksums.sha256", missing.fileName());
        assertTrue(missing.getMessage().contains("git checkout -- corpora/checksums.sha256"), missing.getMessage());
    }

    @Test
    void locateOrderPropertyThenEnvironmentThenParents() throws Exception {
        Path propRoot = Files.createDirectories(tmp.resolve("prop"));
        Path envRoot = Files.createDirectories(tmp.resolve("env"));
        Path walkRoot = Files.createDirectories(tmp.resolve("walk"));
        miniCorpora(propRoot);
        miniCorpora(envRoot);
        miniCorpora(walkRoot);
        Path deep = Files.createDirectories(walkRoot.resolve("x/y/z"));

        assertEquals(propRoot.resolve("corpora").toRealPath(),
                Corpora.locate(propRoot.toString(), envRoot.toString(), deep).dir().toRealPath());
        assertEquals(envRoot.resolve("corpora").toRealPath(),
                Corpora.locate(null, envRoot.toString(), deep).dir().toRealPath());
        assertEquals(walkRoot.resolve("corpora").toRealPath(),
                Corpora.locate("", null, deep).dir().toRealPath());
        // A setting that names the corpora directory itself also works.
        assertEquals(envRoot.resolve("corpora").toRealPath(),
                Corpora.locate(null, envRoot.resolve("corpora").toString(), deep).dir().toRealPath());
        // A wrong setting falls through to the next source.
        assertEquals(walkRoot.resolve("corpora").toRealPath(),
                Corpora.locate(tmp.resolve("nowhere").toString(), null, deep).dir().toRealPath());
    }

    @Test
    void locateFailureListsEveryPlaceTriedAndTheFix() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty/dir"));
        Path bogus = tmp.resolve("bogus");
        CorpusException e = assertThrows(CorpusException.class,
                () -> Corpora.locate(bogus.toString(), null, empty));
        String msg = e.getMessage();
        assertTrue(msg.contains("llmfs.home=" + bogus), msg);
        assertTrue(msg.contains("TUTOR_HOME: not set"), msg);
        assertTrue(msg.contains(empty.toString()), msg);
        assertTrue(msg.contains("set TUTOR_HOME"), msg);
    }
}
