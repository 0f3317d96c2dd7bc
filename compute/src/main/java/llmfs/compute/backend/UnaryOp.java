package llmfs.compute.backend;

/** Elementwise functions of one argument; {@code param} is used by SCALE and ADD_SCALAR. */
public enum UnaryOp {
    NEG, EXP, LOG, TANH, RELU, GELU, SIGMOID, SQUARE, SQRT, SCALE, ADD_SCALAR;

    /** y = f(x). Shared by every CPU backend and the float64 tests, so all agree on the definitions. */
    public float apply(float x, float param) {
        switch (this) {
            case NEG: return -x;
            case EXP: return (float) Math.exp(x);
            case LOG: return (float) Math.log(x);
            case TANH: return (float) Math.tanh(x);
            case RELU: return x > 0 ? x : 0f;
            case GELU: return (float) gelu(x);
            case SIGMOID: return (float) (1.0 / (1.0 + Math.exp(-x)));
            case SQUARE: return x * x;
            case SQRT: return (float) Math.sqrt(x);
            case SCALE: return x * param;
            case ADD_SCALAR: return x + param;
            default: throw new AssertionError(this);
        }
    }

    /** dy/dx given x and y = f(x) (whichever is cheaper to use). */
    public float derivative(float x, float y, float param) {
        switch (this) {
            case NEG: return -1f;
            case EXP: return y;
            case LOG: return 1f / x;
            case TANH: return 1f - y * y;
            case RELU: return x > 0 ? 1f : 0f;
            case GELU: return (float) geluDerivative(x);
            case SIGMOID: return y * (1f - y);
            case SQUARE: return 2f * x;
            case SQRT: return 0.5f / y;
            case SCALE: return param;
            case ADD_SCALAR: return 1f;
            default: throw new AssertionError(this);
        }
    }

    /** The exact GELU, x·Φ(x), as PyTorch's default {@code nn.GELU()} computes it. */
    public static double gelu(double x) {
        return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
    }

    public static double geluDerivative(double x) {
        double cdf = 0.5 * (1 + erf(x / Math.sqrt(2)));
        double pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
        return cdf + x * pdf;
    }

    /** erf with |error| < 1.2e-7 (Numerical Recipes' erfc Chebyshev fit), enough for float32. */
    public static double erf(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - r : r - 1;
    }
}
