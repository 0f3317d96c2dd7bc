package llmfs.tutor.checks.part4;

/**
 * The reference attention of exercises 4.1 and 4.2 and the known mistakes, written once so both checks (and the
 * tests that prove the course's seed-42 numbers) use the same code.
 */
final class AttentionMath {
    private AttentionMath() {}

    /** The course's toy input: torch.manual_seed(42); torch.randn(1, 3, 4), used as Q, K and V. */
    static final float[][] SEED_42 = {
            {0.33669036626815796f, 0.12880940735340118f, 0.23446236550807953f, 0.23033303022384644f},
            {-1.1228563785552979f, -0.18632829189300537f, 2.2082014083862305f, -0.637997031211853f},
            {0.46165722608566284f, 0.2673508822917938f, 0.5349046587944031f, 0.809357225894928f}};

    /**
     * Attention weights. {@code mask}: "none", "causal" (j &gt; i hidden), "past" (j &lt; i hidden), "strict" (j ≥ i
     * hidden except row 0), "after" (causal, but zeroed after an unmasked softmax). {@code scale}: "sqrt", "none",
     * "d". {@code transpose}: softmax over columns instead of rows.
     */
    static float[][] weights(float[][] q, float[][] k, String mask, String scale, boolean transpose) {
        int t = q.length, d = q[0].length;
        float[][] w = new float[t][t];
        for (int i = 0; i < t; i++) {
            double[] s = new double[t];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < t; j++) {
                boolean hidden = switch (mask) {
                    case "causal" -> j > i;
                    case "past" -> j < i;
                    case "strict" -> j >= i && i > 0;
                    default -> false;
                };
                if (hidden) {
                    s[j] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                double dot = 0;
                for (int c = 0; c < d; c++) dot += q[i][c] * k[j][c];
                s[j] = switch (scale) {
                    case "none" -> dot;
                    case "d" -> dot / d;
                    default -> dot / Math.sqrt(d);
                };
                max = Math.max(max, s[j]);
            }
            double sum = 0;
            for (int j = 0; j < t; j++) {
                s[j] = Math.exp(s[j] - max);
                sum += s[j];
            }
            for (int j = 0; j < t; j++) w[i][j] = mask.equals("after") && j > i ? 0f : (float) (s[j] / sum);
        }
        if (!transpose) return w;
        float[][] tr = new float[t][t];
        for (int i = 0; i < t; i++) for (int j = 0; j < t; j++) tr[j][i] = w[i][j];
        return tr;
    }

    /** weights · values. */
    static float[][] apply(float[][] w, float[][] v) {
        int t = w.length, dv = v[0].length;
        float[][] out = new float[t][dv];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) for (int c = 0; c < dv; c++) out[i][c] += w[i][j] * v[j][c];
        }
        return out;
    }
}
