package llmfs.tutor.checks.part4;

import llmfs.compute.Rng;

/** Random matrices and flattening for the Part 4 checks (they compare row-major copies). */
final class Matrices {
    private Matrices() {}

    static float[][] randn(Rng rng, int rows, int cols, double scale) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) for (int j = 0; j < cols; j++) row[j] = (float) (rng.nextGaussian() * scale);
        return m;
    }

    static float[][] copy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    /** Row-major copy; null stays null and ragged rows are kept as they are (the comparison then fails). */
    static float[] flat(float[][] a) {
        if (a == null) return null;
        int n = 0;
        for (float[] r : a) n += r == null ? 0 : r.length;
        float[] f = new float[n];
        int k = 0;
        for (float[] r : a) {
            if (r == null) continue;
            System.arraycopy(r, 0, f, k, r.length);
            k += r.length;
        }
        return f;
    }

    static float[] flat(float[][][] a) {
        if (a == null) return null;
        float[][] rows = new float[0][];
        java.util.List<float[]> all = new java.util.ArrayList<>();
        for (float[][] m : a) if (m != null) for (float[] r : m) all.add(r);
        return flat(all.toArray(rows));
    }

    /** "[3 × 4]" for messages. */
    static String shape(int... dims) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) sb.append(i == 0 ? "" : " × ").append(dims[i]);
        return sb.append("]").toString();
    }

    /** Rows of a matrix as text with 3 decimals, for small examples in verdicts. */
    static String show(float[][] m) {
        StringBuilder sb = new StringBuilder();
        for (float[] r : m) {
            sb.append("  [");
            for (int j = 0; j < r.length; j++) sb.append(j == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%6.3f", r[j]));
            sb.append("]\n");
        }
        return sb.toString();
    }
}
