package llmfs.compute.kernel;

/** Argument checks shared by the {@link MatVec} twins, so a bad call fails with a message before any y is written. */
final class MatVecArgs {
    private MatVecArgs() {}

    static void check(PackedMatrix m, float[] x, int xo, int rows, float[] y, int yo, int panel) {
        if (m.panel != panel) {
            throw new IllegalArgumentException("matrix packed with panels of " + m.panel + " columns, this kernel "
                    + "reads " + panel + ": pack it with this kernel's pack()");
        }
        if (rows < 0 || xo < 0 || yo < 0 || (long) xo + (long) rows * m.in > x.length
                || (long) yo + (long) rows * m.out > y.length) {
            throw new IllegalArgumentException(rows + " rows of " + m.in + " → " + m.out + " do not fit x (" + x.length
                    + " floats from " + xo + ") and y (" + y.length + " floats from " + yo + ")");
        }
    }
}
