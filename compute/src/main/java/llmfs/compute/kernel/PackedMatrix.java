package llmfs.compute.kernel;

/**
 * A weight matrix W [in, out] (with an optional bias) copied once into the layout {@link MatVec} reads: column panels
 * of {@code panel} columns, each panel stored k-major (row k of the panel is {@code panel} contiguous floats), the
 * last panel padded with zeros. A product then streams every weight exactly once, in order, while the panel's
 * outputs stay in registers.
 *
 * <p>Packing copies the weights: pack again after they change (a sampler packs its model when it is made).
 */
public final class PackedMatrix {
    final int in, out, panel, panels;
    final float[] w;
    /** The bias padded to whole panels, or null. */
    final float[] bias;

    private PackedMatrix(int in, int out, int panel, float[] w, float[] bias) {
        this.in = in;
        this.out = out;
        this.panel = panel;
        this.panels = (out + panel - 1) / panel;
        this.w = w;
        this.bias = bias;
    }

    /**
     * @param w     row-major [in, out] (as {@code Linear} stores it)
     * @param bias  [out], or null
     * @param panel columns per panel ({@link MatVec#panelWidth()} of the kernel that will use it)
     */
    public static PackedMatrix pack(float[] w, float[] bias, int in, int out, int panel) {
        if (in < 1 || out < 1 || panel < 1) {
            throw new IllegalArgumentException("a packed matrix needs in, out and panel ≥ 1, got " + in + ", " + out
                    + ", " + panel);
        }
        if (w.length != in * out) {
            throw new IllegalArgumentException("weights hold " + w.length + " floats, expected " + in + "×" + out);
        }
        if (bias != null && bias.length != out) {
            throw new IllegalArgumentException("bias holds " + bias.length + " floats, expected " + out);
        }
        int panels = (out + panel - 1) / panel;
        float[] p = new float[panels * panel * in];
        for (int q = 0; q < panels; q++) {
            int c0 = q * panel, width = Math.min(panel, out - c0), base = q * panel * in;
            for (int k = 0; k < in; k++) System.arraycopy(w, k * out + c0, p, base + k * panel, width);
        }
        float[] b = null;
        if (bias != null) {
            b = new float[panels * panel];
            System.arraycopy(bias, 0, b, 0, out);
        }
        return new PackedMatrix(in, out, panel, p, b);
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }

    /** Columns per panel. */
    public int panel() {
        return panel;
    }
}
