package llmfs.compute.backend;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import llmfs.compute.nn.CharMlp;
import llmfs.compute.optim.AdamW;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A few whole training steps on the scalar reference and on a backend under test from the same seed: losses, first
 * gradients and the trained parameters must agree. Two models: a tiny transformer block through {@link Tensor}
 * operations (embedding, broadcasting, layer norm, attention, GELU, matmul, log-softmax, cross-entropy, backward,
 * gradient clipping, AdamW), and Part 1's {@link CharMlp}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TrainingStepParity {
    protected static final long SEED = Long.getLong("llmfs.seed", 20250611L);
    static final int V = 13, T = 7, B = 3, C = 12, STEPS = 3;

    protected Backend cl;

    /** The backend to compare with the scalar reference, or a skip (assumption) when it is unavailable. */
    protected abstract Backend backendUnderTest();

    @BeforeAll
    void start() {
        cl = backendUnderTest();
    }

    /** What one run produced. */
    record Run(float[] losses, List<float[]> firstGrads, List<float[]> params) {}

    private static Run charMlp(Backend backend) {
        Backend previous = Backends.current();
        Backends.use(backend);
        try {
            Rng rng = new Rng(SEED);
            int vocab = 27, block = 5, batch = 64;
            CharMlp model = new CharMlp(vocab, block, 8, 64, rng);
            AdamW opt = new AdamW(model.parameters(), 0.01f);
            int[] x = new int[batch * block], y = new int[batch];
            for (int i = 0; i < x.length; i++) x[i] = rng.nextInt(vocab);
            for (int i = 0; i < y.length; i++) y[i] = rng.nextInt(vocab);
            float[] losses = new float[STEPS];
            List<float[]> firstGrads = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                opt.zeroGrad();
                Tensor loss = model.forward(x, batch).crossEntropy(y, -1);
                loss.backward();
                losses[step] = loss.item();
                if (step == 0) for (Tensor p : model.parameters()) firstGrads.add(p.gradArray());
                opt.step();
            }
            List<float[]> params = new ArrayList<>();
            for (Tensor p : model.parameters()) params.add(p.toArray());
            return new Run(losses, firstGrads, params);
        } finally {
            Backends.use(previous);
        }
    }

    private static Run train(Backend backend) {
        Backend previous = Backends.current();
        Backends.use(backend);
        try {
            Rng rng = new Rng(SEED);
            List<Tensor> ps = new ArrayList<>();
            Tensor tok = param(ps, Tensor.randn(rng, V, C).mul(0.5f));
            Tensor pos = param(ps, Tensor.randn(rng, T, C).mul(0.1f));
            Tensor g1 = param(ps, Tensor.ones(C)), b1 = param(ps, Tensor.zeros(C));
            Tensor wq = param(ps, Tensor.randn(rng, C, C).mul(0.3f)), wk = param(ps, Tensor.randn(rng, C, C).mul(0.3f));
            Tensor wv = param(ps, Tensor.randn(rng, C, C).mul(0.3f)), wo = param(ps, Tensor.randn(rng, C, C).mul(0.3f));
            Tensor w1 = param(ps, Tensor.randn(rng, C, 4 * C).mul(0.3f)), w2 = param(ps, Tensor.randn(rng, 4 * C, C).mul(0.15f));
            Tensor wout = param(ps, Tensor.randn(rng, C, V).mul(0.3f)), bout = param(ps, Tensor.zeros(V));
            AdamW opt = new AdamW(ps, 1e-3f);
            int[] ids = new int[B * T], targets = new int[B * T];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = rng.nextInt(V);
                targets[i] = rng.nextInt(V);
            }
            targets[4] = -1; // an ignored position
            float[] losses = new float[STEPS];
            List<float[]> firstGrads = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                opt.zeroGrad();
                Tensor x = Tensor.embedding(tok, ids, B, T).add(pos);                       // [B, T, C]
                Tensor h = x.layerNorm(g1, b1, 1e-5f);
                Tensor att = h.matmul(wq).causalAttention(h.matmul(wk), h.matmul(wv));
                x = x.add(att.matmul(wo));
                x = x.add(x.matmul(w1).gelu().matmul(w2));
                Tensor logits = x.matmul(wout).add(bout).view(B * T, V);
                Tensor loss = logits.crossEntropy(targets, -1)
                        .add(logits.logSoftmax().mean().mul(-0.01f))
                        .add(h.tanh().square().mean(1, false).sum().mul(0.01f));
                loss.backward();
                losses[step] = loss.item();
                if (step == 0) for (Tensor p : ps) firstGrads.add(p.gradArray());
                opt.clipGradNorm(1.0);
                opt.step();
            }
            List<float[]> params = new ArrayList<>();
            for (Tensor p : ps) params.add(p.toArray());
            return new Run(losses, firstGrads, params);
        } finally {
            Backends.use(previous);
        }
    }

    private static Tensor param(List<Tensor> ps, Tensor t) {
        Tensor p = t.detach().requiresGrad(true);
        ps.add(p);
        return p;
    }

    @Test
    public void transformerBlockStepsAgreeWithTheScalarBackend() {
        Backend before = Backends.current();
        Run s = train(new ScalarBackend());
        Run c = train(cl);
        assertTrue(before == Backends.current(), "the previous backend is restored");
        assertAgree(s, c);
    }

    @Test
    public void charMlpStepsAgreeWithTheScalarBackend() {
        assertAgree(charMlp(new ScalarBackend()), charMlp(cl));
    }

    private void assertAgree(Run s, Run c) {
        for (int i = 0; i < STEPS; i++) {
            assertEquals(s.losses()[i], c.losses()[i], 1e-5 * Math.abs(s.losses()[i]),
                    "loss at step " + i + " on " + cl.name() + " [seed " + SEED + "]");
        }
        assertTrue(s.losses()[STEPS - 1] < s.losses()[0], "the model learns: loss falls");
        // Gradients: every element within 1e-4 of the parameter's largest gradient.
        for (int p = 0; p < s.firstGrads().size(); p++) {
            float[] gs = s.firstGrads().get(p), gc = c.firstGrads().get(p);
            double max = 0;
            for (float g : gs) max = Math.max(max, Math.abs(g));
            for (int i = 0; i < gs.length; i++) {
                assertEquals(gs[i], gc[i], 1e-4 * max + 1e-9, "gradient of parameter " + p + " element " + i
                        + " [seed " + SEED + "]");
            }
        }
        // Parameters after the steps: AdamW moves each by at most ~lr per step, so 1e-5 is a small part of a step.
        for (int p = 0; p < s.params().size(); p++) {
            float[] ps = s.params().get(p), pc = c.params().get(p);
            for (int i = 0; i < ps.length; i++) {
                assertEquals(ps[i], pc[i], 1e-5, "parameter " + p + " element " + i + " [seed " + SEED + "]");
            }
        }
    }
}
