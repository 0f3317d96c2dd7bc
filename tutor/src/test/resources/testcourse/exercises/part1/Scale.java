public class Scale {
    /** Returns a new array holding every element of x multiplied by factor. */
    public static float[] scale(float[] x, float factor) {
        float[] out = new float[x.length];
        // Your code here: fill out.
        return out;
    }
}
