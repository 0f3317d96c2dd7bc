package llmfs.compute.optim;

import llmfs.compute.Params;
import llmfs.compute.Tensor;
import llmfs.compute.backend.Backend;
import llmfs.compute.backend.Buffer;

import java.util.ArrayList;
import java.util.List;

/**
 * AdamW with PyTorch's defaults (betas 0.9/0.999, eps 1e-8, weight decay 0.01): Adam moments with bias correction
 * and weight decay applied directly to the weights ("decoupled"), not added to the gradient.
 */
public final class AdamW {
    private final List<Tensor> params;
    private final List<Buffer> m = new ArrayList<>();
    private final List<Buffer> v = new ArrayList<>();
    private float lr;
    private final float beta1, beta2, eps, weightDecay;
    private int step;

    public AdamW(List<Tensor> params, float lr) {
        this(params, lr, 0.9f, 0.999f, 1e-8f, 0.01f);
    }

    public AdamW(List<Tensor> params, float lr, float beta1, float beta2, float eps, float weightDecay) {
        this.params = new ArrayList<>(params);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        for (Tensor p : this.params) {
            m.add(p.backend().allocate(p.numel()));
            v.add(p.backend().allocate(p.numel()));
        }
    }

    /** Applies one update to every parameter that has a gradient. */
    public void step() {
        step++;
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            Buffer g = Params.gradBuffer(p);
            if (g == null) continue;
            p.backend().adamw(Params.dataBuffer(p), g, m.get(i), v.get(i), p.numel(), lr, beta1, beta2, eps,
                    weightDecay, step);
        }
    }

    public void zeroGrad() {
        for (Tensor p : params) p.zeroGrad();
    }

    /**
     * Scales all gradients so their global L2 norm is at most {@code maxNorm} (like
     * {@code torch.nn.utils.clip_grad_norm_}); returns the norm before clipping.
     */
    public double clipGradNorm(double maxNorm) {
        double sq = 0;
        for (Tensor p : params) {
            Buffer g = Params.gradBuffer(p);
            if (g != null) sq += p.backend().sumOfSquares(g, p.numel());
        }
        double norm = Math.sqrt(sq);
        if (norm > maxNorm) {
            float s = (float) (maxNorm / (norm + 1e-6));
            for (Tensor p : params) {
                Buffer g = Params.gradBuffer(p);
                if (g != null) p.backend().unary(llmfs.compute.backend.UnaryOp.SCALE, g, g, p.numel(), s);
            }
        }
        return norm;
    }

    public float lr() {
        return lr;
    }

    public void setLr(float lr) {
        this.lr = lr;
    }

    public int stepCount() {
        return step;
    }

    /** Optimiser state (step, then m and v per parameter) for checkpoints that resume exactly. */
    public State state() {
        List<float[]> ms = new ArrayList<>(), vs = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Backend b = params.get(i).backend();
            float[] a = new float[params.get(i).numel()], c = new float[a.length];
            b.download(m.get(i), 0, a, 0, a.length);
            b.download(v.get(i), 0, c, 0, c.length);
            ms.add(a);
            vs.add(c);
        }
        return new State(step, ms, vs);
    }

    public void restore(State s) {
        if (s.m().size() != params.size()) {
            throw new IllegalArgumentException("optimiser state is for " + s.m().size() + " parameters, this model has "
                    + params.size());
        }
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (s.m().get(i).length != p.numel()) {
                throw new IllegalArgumentException("optimiser state for parameter " + i + " has the wrong size");
            }
            Backend b = p.backend();
            b.copy(b.upload(s.m().get(i), 0, p.numel()), 0, m.get(i), 0, p.numel());
            b.copy(b.upload(s.v().get(i), 0, p.numel()), 0, v.get(i), 0, p.numel());
        }
        step = s.step();
    }

    /** Saved optimiser state. */
    public record State(int step, List<float[]> m, List<float[]> v) {}
}
