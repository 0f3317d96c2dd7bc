package llmfs.tutor.checks.part1;

import llmfs.compute.Rng;
import llmfs.compute.Shape;
import llmfs.compute.Tensor;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.Diagnosis;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Function;

/**
 * Exercise 1.3: the MLP's logits on random parameters and contexts, then the gradients of a random weighted sum
 * of them with respect to every parameter (which only flow if the learner used Tensor operations).
 */
public final class MlpForwardCheck implements ExerciseCheck {
    private static final double ATOL = 1e-5, RTOL = 1e-4;

    static Tensor reference(Tensor emb, Tensor w1, Tensor b1, Tensor w2, Tensor b2, int[] x, int batch, int block,
                            String variant) {
        Tensor e = Tensor.embedding(emb, x, batch, block);
        if (variant.equals("flatten-order")) e = e.transpose(1, 2);
        Tensor h = e.view(batch, -1).matmul(w1);
        if (!variant.equals("no-hidden-bias")) h = h.add(b1);
        if (variant.equals("relu")) h = h.relu();
        else if (!variant.equals("no-tanh")) h = h.tanh();
        Tensor out = h.matmul(w2);
        if (!variant.equals("no-output-bias")) out = out.add(b2);
        return variant.equals("tanh-on-logits") ? out.tanh() : out;
    }

    /** The mistakes the diagnosis can confirm, most specific first. */
    private static final List<String> VARIANTS = List.of("no-tanh", "relu", "no-hidden-bias", "no-output-bias",
            "flatten-order", "tanh-on-logits");

    /** One forward problem: parameters (emb, w1, b1, w2, b2), the contexts and their layout. */
    private record Problem(Tensor[] p, int[] x, int batch, int block) {
        String where() {
            return "batch " + batch + ", block " + block + ", emb " + p[0].size(1) + ", hidden " + p[2].size(0)
                    + ", vocab " + p[0].size(0);
        }
    }

    /**
     * A problem whose parameters make every mistake visible: biases far from zero (so a missing one shows),
     * pre-activations around ±3 (so tanh, relu and identity differ), different embedding columns (so the
     * flatten order shows), logits beyond ±1 (so a tanh on them shows).
     */
    static Problem probe(Rng rng, int vocab, int emb, int block, int hidden, int batch, float scale) {
        int[] x = new int[batch * block];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextInt(vocab);
        Tensor[] p = {Tensor.randn(rng, vocab, emb).mul(scale), Tensor.randn(rng, block * emb, hidden).mul(scale),
                Tensor.randn(rng, hidden).mul(2f).add(1f), Tensor.randn(rng, hidden, vocab).mul(scale),
                Tensor.randn(rng, vocab).mul(3f).add(2f)};
        return new Problem(p, x, batch, block);
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("MlpForward");
        Method m = ctx.staticMethod(c, "logits", Tensor.class, Tensor.class, Tensor.class, Tensor.class, Tensor.class,
                Tensor.class, int[].class, int.class, int.class);
        Rng rng = ctx.rng();
        // Edge rounds first, smallest first: one context of one id with a one-wide embedding, one row, the
        // course's sizes, then parameters with a large spread (pre-activations far into tanh's flat ends).
        List<Problem> edges = List.of(probe(rng, 3, 1, 1, 2, 1, 1f), probe(rng, 5, 2, 3, 4, 1, 1f),
                probe(rng, 27, 8, 5, 16, 4, 0.3f), probe(rng, 7, 3, 4, 6, 3, 10f));
        Function<Problem, float[]> learner = q -> {
            Tensor[] t = copies(q.p());
            try (var off = llmfs.compute.Tape.noGrad()) {
                ctx.input("logits(emb, w1, b1, w2, b2, contexts, " + q.batch() + ", " + q.block() + ") with "
                        + q.where());
                Tensor out = (Tensor) ctx.call(m, t[0], t[1], t[2], t[3], t[4], q.x().clone(), q.batch(), q.block());
                return out == null ? null : out.toArray();
            }
        };
        for (int round = 0; round < edges.size() + 6; round++) {
            Problem q = round < edges.size() ? edges.get(round) : probe(rng, 3 + rng.nextInt(28), 1 + rng.nextInt(8),
                    1 + rng.nextInt(6), 2 + rng.nextInt(40), 1 + rng.nextInt(16), 0.3f + rng.nextInt(2));
            Tensor[] p = q.p();
            int batch = q.batch(), block = q.block(), vocab = p[0].size(0);
            int[] x = q.x();
            Tensor[] mine = copies(p), theirs = copies(p);
            ctx.input("logits(emb, w1, b1, w2, b2, contexts, " + batch + ", " + block + ") with " + q.where());
            Tensor got = (Tensor) ctx.call(m, theirs[0], theirs[1], theirs[2], theirs[3], theirs[4], x.clone(), batch, block);
            Tensor want;
            try (var off = llmfs.compute.Tape.noGrad()) {
                // Values only for now: the learner's graph must stay on the tape until its backward pass.
                want = reference(mine[0], mine[1], mine[2], mine[3], mine[4], x, batch, block, "");
            }
            String where = q.where();
            if (got == null) return CheckReport.fail("logits() returned null", "expected a tensor of shape " + Shape.str(batch, vocab));
            if (!Shape.same(got.shape(), want.shape())) {
                return CheckReport.fail("the logits have shape " + Shape.str(got.shape()) + " but should be "
                        + Shape.str(want.shape()), "(" + where + ") one row of " + vocab + " logits per context");
            }
            Comparison cmp = Compare.floats(want.toArray(), got.toArray(), ATOL, RTOL);
            if (!cmp.matches()) {
                CheckReport r = cmp.toFailure("the logits differ from the reference (" + where + ")", batch, vocab);
                // Probes: the failing problem and one where block and embedding are both above 1 and every
                // parameter is far from zero, so each mistake changes the logits in its own way.
                List<Problem> probes = List.of(q, probe(new Rng(42), 6, 3, 2, 8, 3, 1.5f));
                Diagnosis d = Diagnosis.within(ATOL, RTOL);
                for (String v : VARIANTS) {
                    d.suspect(v, explain(v), probes, learner, pr -> variant(pr.p(), pr.x(), pr.batch(), pr.block(), v),
                            pr -> variant(pr.p(), pr.x(), pr.batch(), pr.block(), ""));
                }
                return d.explain(r);
            }
            // Gradients: d/dparam of Σ R ⊙ logits, through the learner's graph and through ours.
            Tensor r = Tensor.randn(rng, batch, vocab);
            if (!got.requiresGrad()) {
                return CheckReport.fail("the logits are right but carry no gradient",
                        "Build them with Tensor operations (embedding, view, matmul, add, tanh) on the tensors you "
                                + "were given; copying values out with toArray() and back in cuts the graph.");
            }
            got.mul(r).sum().backward();
            reference(mine[0], mine[1], mine[2], mine[3], mine[4], x, batch, block, "").mul(r).sum().backward();
            String[] names = {"emb", "w1", "b1", "w2", "b2"};
            for (int i = 0; i < 5; i++) {
                float[] gw = mine[i].gradArray(), gg = theirs[i].gradArray();
                if (gg == null) {
                    return CheckReport.fail("no gradient reaches " + names[i],
                            "The logits depend on " + names[i] + " in the reference; make sure your computation uses it "
                                    + "through Tensor operations.");
                }
                Comparison gc = Compare.floats(gw, gg, 1e-4, 1e-3);
                if (!gc.matches()) {
                    return gc.toFailure("the gradient of " + names[i] + " differs from the reference (" + where + ")",
                            mine[i].shape());
                }
            }
        }
        return CheckReport.pass("logits and the gradients of all five parameters match the reference on "
                + edges.size() + " edge cases (one context of one id, widely spread weights) and 6 random models "
                + "(up to vocab 30, block 6, hidden 41)");
    }

    private static float[] variant(Tensor[] p, int[] x, int batch, int block, String v) {
        try (var off = llmfs.compute.Tape.noGrad()) {
            return reference(p[0], p[1], p[2], p[3], p[4], x, batch, block, v).toArray();
        }
    }

    private static Tensor[] copies(Tensor[] p) {
        Tensor[] out = new Tensor[p.length];
        for (int i = 0; i < p.length; i++) out[i] = p[i].detach().requiresGrad(true);
        return out;
    }

    static String explain(String bug) {
        switch (bug) {
            case "no-tanh": return "the hidden layer has no tanh; without a non-linearity the two layers collapse "
                    + "into one linear map.";
            case "relu": return "the hidden layer uses relu; this model uses tanh.";
            case "no-hidden-bias": return "b1 is not added before the tanh.";
            case "no-output-bias": return "b2 is not added to the logits: the output layer is h · w2 + b2.";
            case "flatten-order": return "the embeddings are flattened in the wrong order: each row must hold the "
                    + "block's vectors one after another ([batch, block, emb] → view(batch, -1)), without transposing "
                    + "block and emb first.";
            case "tanh-on-logits": return "tanh is applied to the logits as well, which squeezes them into (−1, 1); "
                    + "only the hidden layer has tanh.";
            default: return bug;
        }
    }
}
