package llmfs.compute.text;

/** Text <-> token ids, as a model's training and sampling code sees a tokenizer. */
public interface TokenCodec {
    int vocabSize();

    int[] encode(String text);

    String decode(int[] ids);

    /** The id used to left-pad a prompt shorter than the model's context. */
    int padId();

    /** Identifies the exact vocabulary, so a checkpoint can refuse to load with a different one. */
    String fingerprint();

    /** A character vocabulary as a codec; prompts are padded with {@code pad} (e.g. a space). */
    static TokenCodec of(CharVocab v, char pad) {
        int padId = v.contains(pad) ? v.id(pad) : 0;
        return new TokenCodec() {
            public int vocabSize() { return v.size(); }
            public int[] encode(String text) { return v.encode(text); }
            public String decode(int[] ids) { return v.decode(ids); }
            public int padId() { return padId; }
            public String fingerprint() { return "chars:" + v.chars(); }
        };
    }
}
