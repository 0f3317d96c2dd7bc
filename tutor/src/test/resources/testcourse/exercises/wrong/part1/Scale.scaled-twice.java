public class Scale {
    /** Returns a new array holding every element of x multiplied by factor. */
    public static float[] scale(float[] x, float factor) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * factor * factor;
        }
        return out;
    }
}
