package llmfs.tutor.checks.part1;

import llmfs.compute.Rng;
import llmfs.compute.Shape;
import llmfs.compute.Tensor;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Exercise 1.3: the MLP's logits on random parameters and contexts, then the gradients of a random weighted sum
 * of them with respect to every parameter (which only flow if the learner used Tensor operations).
 */
public final class MlpForwardCheck implements ExerciseCheck {
    private static final double ATOL = 1e-5, RTOL = 1e-4;

    static Tensor reference(Tensor emb, Tensor w1, Tensor b1, Tensor w2, Tensor b2, int[] x, int batch, int block,
                            String variant) {
        Tensor h = Tensor.embedding(emb, x, batch, block).view(batch, -1).matmul(w1);
        if (!variant.equals("no-hidden-bias")) h = h.add(b1);
        if (variant.equals("relu")) h = h.relu();
        else if (!variant.equals("no-tanh")) h = h.tanh();
        return h.matmul(w2).add(b2);
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("MlpForward");
        Method m = ctx.staticMethod(c, "logits", Tensor.class, Tensor.class, Tensor.class, Tensor.class, Tensor.class,
                Tensor.class, int[].class, int.class, int.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < 6; round++) {
            int vocab = 3 + rng.nextInt(28), emb = 1 + rng.nextInt(8), block = 1 + rng.nextInt(6);
            int hidden = 2 + rng.nextInt(40), batch = 1 + rng.nextInt(16);
            if (round == 0) {
                vocab = 27;
                emb = 8;
                block = 5;
                hidden = 16;
                batch = 4;
            }
            int[] x = new int[batch * block];
            for (int i = 0; i < x.length; i++) x[i] = rng.nextInt(vocab);
            Tensor[] p = {Tensor.randn(rng, vocab, emb), Tensor.randn(rng, block * emb, hidden).mul(0.3f),
                    Tensor.randn(rng, hidden), Tensor.randn(rng, hidden, vocab).mul(0.3f), Tensor.randn(rng, vocab)};
            Tensor[] mine = copies(p), theirs = copies(p);
            Tensor got = (Tensor) ctx.call(m, theirs[0], theirs[1], theirs[2], theirs[3], theirs[4], x.clone(), batch, block);
            Tensor want;
            try (var off = llmfs.compute.Tape.noGrad()) {
                // Values only for now: the learner's graph must stay on the tape until its backward pass.
                want = reference(mine[0], mine[1], mine[2], mine[3], mine[4], x, batch, block, "");
            }
            String where = "batch " + batch + ", block " + block + ", emb " + emb + ", hidden " + hidden + ", vocab " + vocab;
            if (got == null) return CheckReport.fail("logits() returned null", "expected a tensor of shape " + Shape.str(batch, vocab));
            if (!Shape.same(got.shape(), want.shape())) {
                return CheckReport.fail("the logits have shape " + Shape.str(got.shape()) + " but should be "
                        + Shape.str(want.shape()), "(" + where + ") one row of " + vocab + " logits per context");
            }
            Comparison cmp = Compare.floats(want.toArray(), got.toArray(), ATOL, RTOL);
            if (!cmp.matches()) {
                final int fb = batch, fbl = block;
                final Tensor[] q = p;
                Optional<String> bug = WrongVariants.catalogue()
                        .add("no-tanh", () -> variant(q, x, fb, fbl, "no-tanh"))
                        .add("relu", () -> variant(q, x, fb, fbl, "relu"))
                        .add("no-hidden-bias", () -> variant(q, x, fb, fbl, "no-hidden-bias"))
                        .match(got.toArray(), ATOL, RTOL);
                CheckReport r = cmp.toFailure("the logits differ from the reference (" + where + ")", batch, vocab);
                return bug.map(b -> CheckReport.fail(r.headline(), r.details() + "\n\nLikely bug (" + b + "): "
                                + explain(b)).withFirstDiff(r.firstDiff()).withMaxError(cmp.maxAbsError()).withLikelyBug(b))
                        .orElse(r);
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
        return CheckReport.pass("logits and the gradients of all five parameters match the reference on 6 random "
                + "models (up to vocab 30, block 6, hidden 41)");
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
            default: return bug;
        }
    }
}
