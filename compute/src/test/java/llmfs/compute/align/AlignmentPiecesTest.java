package llmfs.compute.align;

import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.nn.Gpt;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.text.InstructionTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The template, the mask, sequence log-probabilities, the DPO loss's closed forms and the preference metrics. */
class AlignmentPiecesTest {
    private static final Gpt.Config TINY = new Gpt.Config(CourseVocab.full().size(), 16, 2, 1, 64, 0f);

    @Test
    void templateIsExactAndEndsWithTheEndMarker() {
        assertEquals("### Instruction:\nWhat is 2 + 2?\n\n### Response:\n2 + 2 = 4.\u0003",
                InstructionTemplate.format("What is 2 + 2?", "2 + 2 = 4."));
        assertEquals("### Instruction:\nHi\n\n### Response:\n", InstructionTemplate.prompt("Hi"));
        assertEquals("Paris.", InstructionTemplate.answer("Paris.\u0003### Instruction:\nmore"));
        assertEquals("no end", InstructionTemplate.answer("no end"));
    }

    @Test
    void maskKeepsOnlyTargetsInsideTheResponse() {
        int[] ids = {10, 11, 12, 13, 14};
        // prompt = first 3 tokens: positions 0,1 predict prompt tokens (masked), 2 and 3 predict the response.
        assertArrayEquals(new int[]{-1, -1, 13, 14}, ResponseMask.targets(ids, 3));
    }

    @Test
    void batchPadsAtTheEndAndCountsResponsesAndEndMarkersOnly() {
        TokenBatch b = TokenBatch.of(List.of(new TokenBatch.Example("ab", "xy"), new TokenBatch.Example("a", "x")),
                CourseVocab.full(), 64);
        int p1 = InstructionTemplate.prompt("ab").length();
        assertEquals(2, b.batch());
        assertEquals(p1 + 2, b.length()); // longest formatted length - 1
        assertEquals(3 + 2, b.counted()); // "xy"+END and "x"+END
        // second row's last target is padding
        assertEquals(ResponseMask.IGNORE, b.targets()[2 * b.length() - 1]);
        assertEquals(CourseVocab.endId(), b.targets()[b.length() - 1]);
    }

    @Test
    void sequenceLogProbIsMinusTheSumOfMaskedCrossEntropy() {
        Gpt m = new Gpt(TINY, new Rng(3));
        m.train(false);
        TokenBatch b = TokenBatch.of(List.of(new TokenBatch.Example("Hi", "Hello there."),
                new TokenBatch.Example("What is 1 + 1?", "1 + 1 = 2.")), CourseVocab.full(), 64);
        try (var off = Tape.noGrad()) {
            float[] lp = SequenceLogProb.of(m, b).toArray();
            for (int i = 0; i < 2; i++) {
                int[] ids = java.util.Arrays.copyOfRange(b.inputs(), i * b.length(), (i + 1) * b.length());
                int[] tg = java.util.Arrays.copyOfRange(b.targets(), i * b.length(), (i + 1) * b.length());
                int n = 0;
                for (int t : tg) if (t != ResponseMask.IGNORE) n++;
                float ce = m.forward(ids, 1, b.length()).crossEntropy(tg, ResponseMask.IGNORE).item();
                assertEquals(-ce * n, lp[i], 1e-3, "sequence " + i);
            }
        }
    }

    @Test
    void dpoLossClosedForms() {
        assertEquals(Math.log(2), DpoLoss.loss(-7, -9, -7, -9, 0.1), 1e-12);
        assertEquals(0.598139, DpoLoss.loss(-10, -12, -11, -11, 0.1), 1e-6);
        // Tensor version agrees, and its gradient pushes the chosen log-prob up and the rejected one down.
        Tensor pc = Tensor.of(new float[]{-10f}, 1).requiresGrad(true);
        Tensor pr = Tensor.of(new float[]{-12f}, 1).requiresGrad(true);
        DpoLoss.Result r = DpoLoss.of(pc, pr, new float[]{-11f}, new float[]{-11f}, 0.1f);
        assertEquals(0.598139, r.loss().item(), 1e-5);
        r.loss().backward();
        assertTrue(pc.gradArray()[0] < 0, "dL/dπc must be negative");
        assertTrue(pr.gradArray()[0] > 0, "dL/dπr must be positive");
        // −β σ(−z) with z = 0.2
        assertEquals(-0.1 / (1 + Math.exp(0.2)), pc.gradArray()[0], 1e-6);
        assertEquals(0.1f, r.chosenReward(), 1e-6);
        assertEquals(-0.1f, r.rejectedReward(), 1e-6);
        assertEquals(0.2f, r.margin(), 1e-6);
        assertEquals(1f, r.accuracy());
    }

    @Test
    void accuracyIsStrictAndMarginIsTheMeanDifference() {
        PreferenceStats s = PreferenceStats.of(new float[]{0f, 1f, 2f, -1f}, new float[]{0f, 0f, 3f, -2f});
        assertEquals(0.5f, s.accuracy()); // ties do not count
        assertEquals(0.25f, s.margin(), 1e-6); // mean of 0, 1, -1, 1
        assertEquals(0.5f, s.chosenReward(), 1e-6);
        assertEquals(0.25f, s.rejectedReward(), 1e-6);
        assertEquals(0f, PreferenceStats.of(new float[3], new float[3]).accuracy());
    }

    @Test
    void referenceHasNoGradientsAndMatchesThePolicyItWasCopiedFrom() {
        Gpt policy = new Gpt(TINY, new Rng(4));
        FrozenReference ref = new FrozenReference(policy);
        assertTrue(ref.model().parameters().stream().noneMatch(Tensor::requiresGrad));
        assertTrue(!ref.model().isTraining());
        policy.train(false);
        TokenBatch b = TokenBatch.of(List.of(new TokenBatch.Example("Q", "A.")), CourseVocab.full(), 64);
        float want;
        try (var off = Tape.noGrad()) {
            want = SequenceLogProb.of(policy, b).item();
        }
        assertEquals(want, ref.logProbs(b)[0], 1e-5);
        // Changing the policy leaves the copy as it was.
        policy.parameters().get(0).set(new float[policy.parameters().get(0).numel()]);
        assertEquals(want, ref.logProbs(b)[0], 1e-5);
        assertEquals(0, Tape.size());
    }

    @Test
    void greedyAnswersStopAtTheEndMarker() {
        Gpt m = new Gpt(TINY, new Rng(5));
        // Make END overwhelmingly likely everywhere: the answer must be empty, not 80 characters.
        float[] bias = new float[TINY.vocab()];
        bias[CourseVocab.endId()] = 100f;
        m.head.bias.set(bias);
        List<String> a = new GreedyAnswerer(m, CourseVocab.full(), 80).answer(List.of("Hi", "What is 1 + 1?", "Ho"));
        assertEquals(List.of("", "", ""), a);
        bias[CourseVocab.endId()] = 0f;
        bias[CourseVocab.full().id('x')] = 100f;
        m.head.bias.set(bias);
        String longest = new GreedyAnswerer(m, CourseVocab.full(), 10).answer(List.of("Hi")).get(0);
        assertEquals("xxxxxxxxxx", longest);
    }
}
