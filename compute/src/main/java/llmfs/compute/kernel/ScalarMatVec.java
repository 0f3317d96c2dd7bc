package llmfs.compute.kernel;

/** {@link MatVec} in plain Java; the JIT vectorises the inner loop over a panel's columns. */
public final class ScalarMatVec implements MatVec {
    private static final int PANEL = 16;

    @Override
    public int panelWidth() {
        return PANEL;
    }

    @Override
    public void multiply(PackedMatrix m, float[] x, int xo, int rows, float[] y, int yo, boolean accumulate) {
        MatVecArgs.check(m, x, xo, rows, y, yo, PANEL);
        int in = m.in, out = m.out;
        float[] acc = new float[PANEL];
        for (int r = 0; r < rows; r++) {
            int xr = xo + r * in, yr = yo + r * out;
            for (int q = 0; q < m.panels; q++) {
                int c0 = q * PANEL, width = Math.min(PANEL, out - c0), base = q * PANEL * in;
                if (m.bias != null) System.arraycopy(m.bias, c0, acc, 0, PANEL);
                else java.util.Arrays.fill(acc, 0f);
                for (int k = 0; k < in; k++) {
                    float v = x[xr + k];
                    int wo = base + k * PANEL;
                    for (int c = 0; c < PANEL; c++) acc[c] += v * m.w[wo + c];
                }
                for (int c = 0; c < width; c++) y[yr + c0 + c] = accumulate ? y[yr + c0 + c] + acc[c] : acc[c];
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
