package llmfs.compute.sample;

import llmfs.compute.Rng;

/**
 * Turns a row of logits into a token id: temperature scaling, optional top-k and top-p (nucleus) filtering, then one
 * draw by inverse CDF. With the same {@link Rng} state the same id comes out on any backend.
 */
public final class Sampler {
    private Sampler() {}

    /** Sampling settings; {@code topK <= 0} and {@code topP >= 1} disable those filters. */
    public record Settings(float temperature, int topK, float topP) {
        public Settings {
            if (!(temperature >= 0) || Float.isInfinite(temperature)) {
                throw new IllegalArgumentException("temperature must be a finite number >= 0, got " + temperature);
            }
            if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }

        public static Settings temperature(float t) {
            return new Settings(t, 0, 1f);
        }
    }

    /**
     * softmax(logits / T), computed with the maximum subtracted so large logits do not overflow. T = 0 puts all
     * probability on the largest logit (greedy decoding).
     */
    public static double[] probabilities(float[] logits, float temperature) {
        double[] p = new double[logits.length];
        int best = argmax(logits);
        if (temperature == 0f) {
            p[best] = 1;
            return p;
        }
        double max = logits[best];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }

    /** The first index whose cumulative probability exceeds {@code u} (u uniform in [0, 1)). */
    public static int pick(double[] probs, double u) {
        double c = 0;
        int last = -1;
        for (int i = 0; i < probs.length; i++) {
            if (probs[i] <= 0) continue;
            c += probs[i];
            last = i;
            if (u < c) return i;
        }
        if (last < 0) throw new IllegalArgumentException("no token has a positive probability");
        return last; // u landed in the rounding gap above the final cumulative sum
    }

    /** Samples one id from {@code logits} with the given settings. */
    public static int sample(float[] logits, Settings s, Rng rng) {
        double[] p = probabilities(logits, s.temperature());
        if (s.topK() > 0 && s.topK() < p.length) keepTopK(p, s.topK());
        if (s.topP() < 1f) keepTopP(p, s.topP());
        return pick(p, rng.nextDouble());
    }

    public static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }

    /** Zeroes all but the k most probable entries and renormalises. */
    static void keepTopK(double[] p, int k) {
        double[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        double threshold = sorted[sorted.length - k];
        int kept = 0;
        for (int i = 0; i < p.length; i++) {
            // Ties at the threshold: keep the earliest ones so exactly k survive.
            if (p[i] > threshold || (p[i] == threshold && kept < k && countAbove(p, threshold) + countTiesBefore(p, i, threshold) < k)) {
                kept++;
            } else {
                p[i] = 0;
            }
        }
        normalise(p);
    }

    private static int countAbove(double[] p, double t) {
        int n = 0;
        for (double v : p) if (v > t) n++;
        return n;
    }

    private static int countTiesBefore(double[] p, int i, double t) {
        int n = 0;
        for (int j = 0; j < i; j++) if (p[j] == t) n++;
        return n;
    }

    /** Keeps the smallest set of most probable entries whose total reaches {@code topP}, then renormalises. */
    static void keepTopP(double[] p, float topP) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        double c = 0;
        int cut = order.length;
        for (int r = 0; r < order.length; r++) {
            c += p[order[r]];
            if (c >= topP) {
                cut = r + 1;
                break;
            }
        }
        for (int r = cut; r < order.length; r++) p[order[r]] = 0;
        normalise(p);
    }

    private static void normalise(double[] p) {
        double s = 0;
        for (double v : p) s += v;
        for (int i = 0; i < p.length; i++) p[i] /= s;
    }
}
