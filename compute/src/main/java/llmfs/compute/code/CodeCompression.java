package llmfs.compute.code;

import llmfs.compute.text.BpeTokenizer;
import llmfs.compute.text.CourseVocab;

import java.util.ArrayList;
import java.util.List;

/**
 * How much Part 3's BPE shortens Java: a tokenizer is trained on the corpus's training methods at several vocabulary
 * sizes, and each row reports characters per token on the training text and on the held-out methods it never saw.
 */
public final class CodeCompression {
    private CodeCompression() {}

    /**
     * One vocabulary size.
     *
     * @param vocab         the tokenizer's size (its characters plus merges)
     * @param trainTokens   tokens for the training text
     * @param trainChars    characters of the training text
     * @param heldOutTokens tokens for the held-out text
     * @param heldOutChars  characters of the held-out text
     * @param firstMerges   the first merges, as pieces, for a feel of what BPE finds in code
     */
    public record Row(int vocab, int trainTokens, int trainChars, int heldOutTokens, int heldOutChars,
                      List<String> firstMerges) {
        public double trainCharsPerToken() {
            return (double) trainChars / trainTokens;
        }

        public double heldOutCharsPerToken() {
            return (double) heldOutChars / heldOutTokens;
        }
    }

    /**
     * A BPE tokenizer for code: merges learned from {@code text}, on top of every character of the course
     * vocabulary (so held-out methods and typed prompts always encode, even with a character the training methods
     * never use). A size below the alphabet gives the alphabet alone.
     */
    public static BpeTokenizer tokenizer(String text, int vocabSize) {
        String alphabet = CourseVocab.full().chars().replace(String.valueOf(CourseVocab.END), "");
        return BpeTokenizer.train(alphabet + "\n" + text, Math.max(vocabSize, alphabet.length()));
    }

    /** One row per vocabulary size (sizes at or below the alphabet give the character-level row). */
    public static List<Row> table(JavaMethodCorpus corpus, int... vocabSizes) {
        String train = corpus.trainingText();
        String heldOut = corpus.heldOutText();
        List<Row> rows = new ArrayList<>();
        for (int v : vocabSizes) {
            BpeTokenizer tok = tokenizer(train, v);
            List<String> first = new ArrayList<>();
            for (int i = 0; i < Math.min(8, tok.mergeCount()); i++) first.add(tok.piece(tok.merge(i).id()));
            rows.add(new Row(tok.vocabSize(), tok.encode(train).length, train.length(),
                    tok.encode(heldOut).length, heldOut.length(), first));
        }
        return rows;
    }
}
