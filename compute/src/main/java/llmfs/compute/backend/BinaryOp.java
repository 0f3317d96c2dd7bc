package llmfs.compute.backend;

/** Elementwise functions of two (broadcast) arguments. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV;

    public float apply(float a, float b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            default: throw new AssertionError(this);
        }
    }
}
