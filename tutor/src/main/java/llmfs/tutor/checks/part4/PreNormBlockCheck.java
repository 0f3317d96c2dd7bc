package llmfs.tutor.checks.part4;

import llmfs.compute.Rng;
import llmfs.compute.Tape;
import llmfs.compute.Tensor;
import llmfs.compute.nn.CausalSelfAttention;
import llmfs.compute.nn.LayerNorm;
import llmfs.compute.nn.Linear;
import llmfs.compute.nn.TransformerBlock;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Exercise 4.6: the pre-norm block built from the compute layer's modules. Its output must equal the reference
 * {@link TransformerBlock} with the same weights, and so must the gradients of the input and of every weight after
 * a backward pass, which shows the residual paths are wired through autograd.
 */
public final class PreNormBlockCheck implements ExerciseCheck {
    private static final double ATOL = 1e-4, RTOL = 1e-3;

    /** A wrong wiring, computed without gradients: "post", "no-second", "normed", "relu". */
    static Tensor variant(Tensor x, TransformerBlock b, String kind) {
        try (var off = Tape.noGrad()) {
            return switch (kind) {
                case "post" -> {
                    Tensor h = b.ln1.forward(x.add(b.attn.forward(x)));
                    yield b.ln2.forward(h.add(b.proj.forward(b.fc.forward(h).gelu())));
                }
                case "no-second" -> {
                    Tensor h = x.add(b.attn.forward(b.ln1.forward(x)));
                    yield b.proj.forward(b.fc.forward(b.ln2.forward(h)).gelu());
                }
                case "normed" -> {
                    Tensor n = b.ln1.forward(x);
                    Tensor h = n.add(b.attn.forward(n));
                    yield h.add(b.proj.forward(b.fc.forward(b.ln2.forward(h)).gelu()));
                }
                default -> {
                    Tensor h = x.add(b.attn.forward(b.ln1.forward(x)));
                    yield h.add(b.proj.forward(b.fc.forward(b.ln2.forward(h)).relu()));
                }
            };
        }
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("PreNormBlock");
        Method m = ctx.staticMethod(c, "forward", Tensor.class, Tensor.class, LayerNorm.class,
                CausalSelfAttention.class, LayerNorm.class, Linear.class, Linear.class);
        Rng rng = ctx.rng();
        for (int round = 0; round < 4; round++) {
            int heads = 1 + rng.nextInt(3), d = heads * (2 + rng.nextInt(5)), b = 1 + rng.nextInt(2);
            int t = 2 + rng.nextInt(6);
            TransformerBlock block = new TransformerBlock(d, heads, 0f, new Rng(rng.nextLong()));
            // Non-trivial scales and shifts, so a norm in the wrong place is visible.
            for (LayerNorm ln : new LayerNorm[]{block.ln1, block.ln2}) {
                float[] scale = Matrices.flat(Matrices.randn(rng, 1, d, 0.3));
                for (int i = 0; i < d; i++) scale[i] += 1f;
                ln.weight.set(scale);
                ln.bias.set(Matrices.flat(Matrices.randn(rng, 1, d, 0.5)));
            }
            float[] data = Matrices.flat(Matrices.randn(rng, b * t, d, 1.5));
            float[] r = Matrices.flat(Matrices.randn(rng, b * t, d, 1));
            String where = "x of shape " + Matrices.shape(b, t, d) + " with " + heads + " head" + (heads == 1 ? "" : "s");

            Tape.clear();
            block.zeroGrad();
            Tensor xRef = Tensor.of(data.clone(), b, t, d).requiresGrad(true);
            Tensor want = block.forward(xRef);
            want.mul(Tensor.of(r, b, t, d)).sum().backward();
            float[] wantOut = want.toArray(), wantDx = xRef.gradArray();
            Map<String, float[]> wantGrads = grads(block);

            block.zeroGrad();
            Tensor x = Tensor.of(data.clone(), b, t, d).requiresGrad(true);
            Tensor got = (Tensor) ctx.call(m, x, block.ln1, block.attn, block.ln2, block.fc, block.proj);
            if (got == null) {
                Tape.clear();
                return CheckReport.fail("forward returned null for " + where, "return the block's output tensor");
            }
            float[] gotOut = got.toArray();
            Comparison co = Compare.floats(wantOut, gotOut, ATOL, RTOL);
            if (!co.matches()) {
                Tape.clear();
                Tensor x0 = Tensor.of(data.clone(), b, t, d);
                Optional<String> bug = WrongVariants.catalogue()
                        .add("post-norm", () -> variant(x0, block, "post").toArray())
                        .add("no-second-residual", () -> variant(x0, block, "no-second").toArray())
                        .add("residual-from-normed", () -> variant(x0, block, "normed").toArray())
                        .add("relu-instead-of-gelu", () -> variant(x0, block, "relu").toArray())
                        .match(gotOut, ATOL, RTOL);
                CheckReport rep = co.toFailure("the block's output is wrong for " + where, b, t, d);
                if (bug.isEmpty()) return rep;
                return CheckReport.fail(rep.headline(), rep.details() + "\n\nLikely bug (" + bug.get() + "): "
                                + explain(bug.get())).withFirstDiff(rep.firstDiff())
                        .withMaxError(rep.maxError() == null ? 0 : rep.maxError()).withLikelyBug(bug.get());
            }
            if (!got.requiresGrad()) {
                Tape.clear();
                return CheckReport.fail("the output is right but autograd cannot see how it was computed",
                        "build the output with Tensor operations (add, gelu) on x and the layers' forward methods;"
                                + " copying values into a new tensor (Tensor.of, toArray) cuts the gradient path");
            }
            got.mul(Tensor.of(r, b, t, d)).sum().backward();
            Comparison cx = Compare.floats(wantDx, x.gradArray(), ATOL, RTOL);
            if (!cx.matches()) {
                return cx.toFailure("the output is right but the gradient of x is wrong for " + where
                        + ": both residual additions must use x itself", b, t, d);
            }
            for (Map.Entry<String, float[]> e : grads(block).entrySet()) {
                Comparison cg = Compare.floats(wantGrads.get(e.getKey()), e.getValue(), ATOL, RTOL);
                if (!cg.matches()) {
                    return cg.toFailure("the output is right but the gradient of " + e.getKey() + " is wrong for "
                            + where);
                }
            }
        }
        return CheckReport.pass("output, input gradient and every weight's gradient match the reference pre-norm block"
                + " on 4 random blocks");
    }

    private static Map<String, float[]> grads(TransformerBlock b) {
        Map<String, float[]> g = new java.util.LinkedHashMap<>();
        b.namedParameters().forEach((n, t) -> {
            float[] v = t.gradArray();
            g.put(n, v == null ? new float[t.numel()] : v.clone());
        });
        return g;
    }

    static String explain(String bug) {
        return switch (bug) {
            case "post-norm" -> "this is the post-norm block (the original 2017 transformer): normalise the input"
                    + " of each sub-layer, x + f(ln(x)), and leave the stream itself unnormalised.";
            case "no-second-residual" -> "the feed-forward result replaces x instead of being added to it: return"
                    + " x + proj(gelu(fc(ln2(x)))).";
            case "residual-from-normed" -> "the residual starts from ln1(x) instead of x: it must add the attention"
                    + " output to the un-normalised x.";
            case "relu-instead-of-gelu" -> "the feed-forward layer uses ReLU; the course's block uses GELU.";
            default -> bug;
        };
    }
}
