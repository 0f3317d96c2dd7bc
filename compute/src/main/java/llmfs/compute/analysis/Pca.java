package llmfs.compute.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Principal component analysis (centre the rows, take the SVD) — used to draw learned embeddings in two
 * dimensions, as the lessons' scatter plot does.
 */
public final class Pca {
    /** Row coordinates on the first components, and the share of variance each component explains. */
    public record Result(double[][] coords, double[] explained) {
        /** Total share of variance captured by the returned components. */
        public double explainedTotal() {
            double s = 0;
            for (double e : explained) s += e;
            return s;
        }
    }

    private Pca() {}

    /** Projects the {@code rows x cols} matrix (row-major {@code data}) onto its first {@code k} components. */
    public static Result fit(float[] data, int rows, int cols, int k) {
        if (rows < 2) throw new IllegalArgumentException("PCA needs at least 2 rows, got " + rows);
        if (k < 1 || k > Math.min(rows, cols)) {
            throw new IllegalArgumentException("PCA: k must be in 1.." + Math.min(rows, cols) + ", got " + k);
        }
        double[][] x = new double[rows][cols];
        for (int c = 0; c < cols; c++) {
            double mean = 0;
            for (int r = 0; r < rows; r++) mean += data[r * cols + c];
            mean /= rows;
            for (int r = 0; r < rows; r++) x[r][c] = data[r * cols + c] - mean;
        }
        RealMatrix m = new Array2DRowRealMatrix(x, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(m);
        double[] sv = svd.getSingularValues();
        double total = 0;
        for (double s : sv) total += s * s;
        RealMatrix v = svd.getV();
        double[][] coords = new double[rows][k];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int c = 0; c < cols; c++) s += x[r][c] * v.getEntry(c, j);
                coords[r][j] = s;
            }
        double[] explained = new double[k];
        for (int j = 0; j < k; j++) explained[j] = total == 0 ? 0 : sv[j] * sv[j] / total;
        return new Result(coords, explained);
    }
}
