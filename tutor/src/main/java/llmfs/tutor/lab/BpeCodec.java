package llmfs.tutor.lab;

import llmfs.compute.text.BpeFile;
import llmfs.compute.text.BpeTokenizer;
import llmfs.compute.text.TokenCodec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A BPE tokenizer as a model's {@link TokenCodec}. Prompts are left-padded with token 0, as the course does (for the
 * Shakespeare tokenizer that is a line break). The fingerprint hashes the tokenizer's saved form, so a checkpoint
 * refuses to load with any other merges.
 */
public final class BpeCodec implements TokenCodec {
    private final BpeTokenizer tokenizer;
    private final String fingerprint;

    public BpeCodec(BpeTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(BpeFile.format(tokenizer).getBytes(StandardCharsets.UTF_8));
            this.fingerprint = "bpe:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /** The tokenizer behind this codec. */
    public BpeTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public int vocabSize() {
        return tokenizer.vocabSize();
    }

    @Override
    public int[] encode(String text) {
        return tokenizer.encode(text);
    }

    @Override
    public String decode(int[] ids) {
        return tokenizer.decode(ids);
    }

    @Override
    public int padId() {
        return 0;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }
}
