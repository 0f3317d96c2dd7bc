public class Mean {
    /** Returns the arithmetic mean of xs (which is not empty). */
    public static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / (xs.length - 1);
    }
}
