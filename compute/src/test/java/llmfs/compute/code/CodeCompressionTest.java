package llmfs.compute.code;

import llmfs.compute.data.Corpora;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeCompressionTest {

    @Test
    void bpeShortensJavaAndMoreMergesShortenItMore() {
        JavaMethodCorpus corpus = JavaMethodCorpus.load(Corpora.locate());
        List<CodeCompression.Row> rows = CodeCompression.table(corpus, 1, 256, 512);
        CodeCompression.Row chars = rows.get(0);
        assertEquals(chars.trainChars(), chars.trainTokens(), "no merges: one token per character");
        assertTrue(rows.get(1).trainCharsPerToken() > 2.0, "256 tokens: " + rows.get(1).trainCharsPerToken());
        assertTrue(rows.get(2).trainCharsPerToken() > rows.get(1).trainCharsPerToken());
        assertTrue(rows.get(2).heldOutCharsPerToken() > 1.5, "held out: " + rows.get(2).heldOutCharsPerToken());
        assertTrue(rows.get(2).heldOutCharsPerToken() < rows.get(2).trainCharsPerToken(),
                "text the tokenizer never saw compresses less");
        // The very first merge is indentation: code's most frequent neighbours are spaces.
        assertEquals("  ", rows.get(1).firstMerges().get(0));
        List<CodeCompression.Row> all = CodeCompression.table(corpus, 1, 128, 256, 512, 1024);
        for (CodeCompression.Row r : all) {
            System.out.printf("vocab %d: train %d chars -> %d tokens (%.2f c/t), held out %d -> %d (%.2f c/t) first %s%n",
                    r.vocab(), r.trainChars(), r.trainTokens(), r.trainCharsPerToken(), r.heldOutChars(),
                    r.heldOutTokens(), r.heldOutCharsPerToken(), r.firstMerges().toString().replace("\n", "\\n").replace(" ", "\u2423"));
        }
    }
}
