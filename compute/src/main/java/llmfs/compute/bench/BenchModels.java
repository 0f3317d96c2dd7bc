package llmfs.compute.bench;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import llmfs.compute.data.Corpora;
import llmfs.compute.data.NameWindows;
import llmfs.compute.data.Names;
import llmfs.compute.nn.CharMlp;
import llmfs.compute.nn.Gpt;
import llmfs.compute.nn.Module;
import llmfs.compute.optim.AdamW;
import llmfs.compute.text.CharVocab;

/**
 * The two models the benchmarks train, built the same way for the Java backends and the PyTorch peer: the Part 1
 * names MLP with the course's settings, and a GPT of 4 layers, 4 heads, width 128, context 64, batch 12 on Tiny
 * Shakespeare characters (a common CPU recipe). Batches are drawn up front so every contender sees the same ones.
 */
public final class BenchModels {
    private BenchModels() {}

    /** A model with its optimiser and a fixed list of batches. */
    public static final class Workload {
        public final String name;
        public final Module model;
        public final AdamW opt;
        public final int[][] xs;
        public final int[][] ys;
        public final int batch;
        public final int tokensPerStep;
        private final StepFn fn;

        interface StepFn {
            Tensor loss(int[] x, int[] y);
        }

        Workload(String name, Module model, float lr, int[][] xs, int[][] ys, int batch, int tokensPerStep, StepFn fn) {
            this.name = name;
            this.model = model;
            this.opt = new AdamW(model.parameters(), lr);
            this.xs = xs;
            this.ys = ys;
            this.batch = batch;
            this.tokensPerStep = tokensPerStep;
            this.fn = fn;
        }

        /** One optimiser step on batch {@code i}; returns its loss. */
        public float step(int i) {
            opt.zeroGrad();
            Tensor loss = fn.loss(xs[i % xs.length], ys[i % ys.length]);
            loss.backward();
            opt.step();
            return loss.item();
        }
    }

    /** Part 1: vocab 27, block 5, emb 8, hidden 256, batch 2048, AdamW lr 0.01 (17,651 parameters). */
    public static Workload names(Corpora corpora, int steps, long seed) {
        java.util.List<String> names = Names.indian(corpora);
        CharVocab vocab = CharVocab.ofNames(names);
        NameWindows w = NameWindows.of(names, vocab, 5);
        Rng rng = new Rng(seed);
        int batch = 2048, block = 5;
        int[][] xs = new int[steps][batch * block], ys = new int[steps][batch];
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < batch; i++) {
                int j = rng.nextInt(w.size());
                System.arraycopy(w.x(), j * block, xs[s], i * block, block);
                ys[s][i] = w.y()[j];
            }
        }
        CharMlp model = new CharMlp(vocab.size(), block, 8, 256, new Rng(seed));
        return new Workload("names MLP", model, 0.01f, xs, ys, batch, batch, (x, y) -> model.forward(x, batch).crossEntropy(y));
    }

    /** A GPT of 4 layers, 4 heads, width 128, context 64, batch 12 on Tiny Shakespeare characters, AdamW lr 3e-4. */
    public static Workload gpt(Corpora corpora, int steps, long seed, float dropout) {
        String text = corpora.text("tinyshakespeare.txt");
        CharVocab vocab = CharVocab.ofText(text);
        int[] tokens = vocab.encode(text);
        int batch = 12, ctx = 64;
        Rng rng = new Rng(seed);
        int[][] xs = new int[steps][batch * ctx], ys = new int[steps][batch * ctx];
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < batch; i++) {
                int start = rng.nextInt(tokens.length - ctx - 1);
                System.arraycopy(tokens, start, xs[s], i * ctx, ctx);
                System.arraycopy(tokens, start + 1, ys[s], i * ctx, ctx);
            }
        }
        Gpt model = new Gpt(new Gpt.Config(vocab.size(), 128, 4, 4, ctx, dropout), new Rng(seed));
        return new Workload("GPT 4L/4H/128d/ctx64", model, 3e-4f, xs, ys, batch, batch * ctx,
                (x, y) -> model.forward(x, batch, ctx).crossEntropy(y));
    }
}
