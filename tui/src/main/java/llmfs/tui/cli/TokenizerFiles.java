package llmfs.tui.cli;

import llmfs.compute.text.BpeFile;
import llmfs.compute.text.BpeTokenizer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading the files the {@code tutor bpe} commands work on, with one clear sentence for each way it can go wrong
 * (missing, a directory, no permission, not UTF-8, not a tokenizer file) instead of an exception's class name.
 */
final class TokenizerFiles {
    private TokenizerFiles() {}

    /** The bytes of {@code file}. */
    static byte[] read(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read the " + what + " " + file + ": it is a folder, not a file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read the " + what + " " + file + ": there is no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read the " + what + " " + file + ": permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the " + what + " " + file + ": " + e.getMessage());
        }
    }

    /** Loads a tokenizer saved by {@code tutor bpe train}. */
    static BpeTokenizer load(Path file) {
        byte[] data = read(file, "tokenizer");
        String text;
        try {
            text = utf8(data);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not a tokenizer file (it is not UTF-8 text); make one with"
                    + " 'tutor bpe train --vocab N TEXTFILE -o " + file.getFileName() + "'");
        }
        try {
            return BpeFile.parse(text, file.toString());
        } catch (BpeFile.FormatException e) {
            throw new IllegalArgumentException("the tokenizer file is damaged: " + e.getMessage()
                    + ". Train it again with 'tutor bpe train'.");
        }
    }

    /**
     * Decodes {@code data} as UTF-8, rejecting malformed input.
     *
     * @throws Malformed naming the byte offset of the first bad byte
     */
    static String utf8(byte[] data) throws Malformed {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data);
        CharBuffer out = CharBuffer.allocate(data.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) throw new Malformed(in.position());
        r = d.flush(out);
        if (r.isError()) throw new Malformed(in.position());
        out.flip();
        return out.toString();
    }

    /** Input that is not valid UTF-8, at byte {@code offset} (0-based). */
    static final class Malformed extends CharacterCodingException {
        final long offset;

        Malformed(long offset) {
            this.offset = offset;
        }

        @Override
        public String getMessage() {
            return "not valid UTF-8 at byte " + offset;
        }
    }
}
