// Elementwise kernels: one work-item per element; global sizes are padded, so every kernel guards its index.

// erf by the same Chebyshev fit as UnaryOp.erf (|error| < 1.2e-7). Returns erfc(|z|) through *tail so that
// Phi(x) can be formed without cancellation for large negative x.
inline float erfc_abs(float z) {
    float t = 1.0f / (1.0f + 0.5f * z);
    return t * exp(-z * z - 1.26551223f + t * (1.00002368f + t * (0.37409196f + t * (0.09678418f
            + t * (-0.18628806f + t * (0.27886807f + t * (-1.13520398f + t * (1.48851587f
            + t * (-0.82215223f + t * 0.17087277f)))))))));
}

// Standard normal CDF Phi(x) = (1 + erf(x / sqrt 2)) / 2.
inline float normal_cdf(float x) {
    float r = erfc_abs(fabs(x) * 0.70710678118654752f);
    return x >= 0.0f ? 1.0f - 0.5f * r : 0.5f * r;
}

inline float unary_apply(int op, float x, float p) {
    switch (op) {
        case UNARY_NEG: return -x;
        case UNARY_EXP: return exp(x);
        case UNARY_LOG: return log(x);
        case UNARY_TANH: return tanh(x);
        case UNARY_RELU: return x > 0.0f ? x : 0.0f;
        case UNARY_GELU: return x * normal_cdf(x);
        case UNARY_SIGMOID: return 1.0f / (1.0f + exp(-x));
        case UNARY_SQUARE: return x * x;
        case UNARY_SQRT: return sqrt(x);
        case UNARY_SCALE: return x * p;
        case UNARY_ADD_SCALAR: return x + p;
        default: return NAN;
    }
}

inline float unary_derivative(int op, float x, float y, float p) {
    switch (op) {
        case UNARY_NEG: return -1.0f;
        case UNARY_EXP: return y;
        case UNARY_LOG: return 1.0f / x;
        case UNARY_TANH: return 1.0f - y * y;
        case UNARY_RELU: return x > 0.0f ? 1.0f : 0.0f;
        case UNARY_GELU: return normal_cdf(x) + x * exp(-0.5f * x * x) * 0.39894228040143268f;
        case UNARY_SIGMOID: return y * (1.0f - y);
        case UNARY_SQUARE: return 2.0f * x;
        case UNARY_SQRT: return 0.5f / y;
        case UNARY_SCALE: return p;
        case UNARY_ADD_SCALAR: return 1.0f;
        default: return NAN;
    }
}

inline float binary_apply(int op, float a, float b) {
    switch (op) {
        case BINARY_ADD: return a + b;
        case BINARY_SUB: return a - b;
        case BINARY_MUL: return a * b;
        case BINARY_DIV: return a / b;
        default: return NAN;
    }
}

__kernel void unary(int op, __global const float* x, __global float* y, int n, float p) {
    int i = get_global_id(0);
    if (i < n) y[i] = unary_apply(op, x[i], p);
}

__kernel void unary_backward(int op, __global const float* x, __global const float* y, __global const float* gy,
                             __global float* gx, int n, float p) {
    int i = get_global_id(0);
    if (i < n) gx[i] += unary_derivative(op, x[i], y[i], p) * gy[i];
}

// `out` may be `a`: each work-item reads its own element before writing it.
__kernel void binary_same(int op, __global const float* a, __global const float* b, __global float* out, int n) {
    int i = get_global_id(0);
    if (i < n) out[i] = binary_apply(op, a[i], b[i]);
}

// b repeats every bLen elements (a bias [N] over [B, N]).
__kernel void binary_trailing(int op, __global const float* a, __global const float* b, __global float* out, int n,
                              int bLen) {
    int i = get_global_id(0);
    if (i < n) out[i] = binary_apply(op, a[i], b[i % bLen]);
}

__kernel void binary_strided(int op, __global const float* a, __global const float* b, __global float* out, int n,
                             int rank, int8 shape, int8 aStrides, int8 bStrides) {
    int i = get_global_id(0);
    if (i < n) {
        out[i] = binary_apply(op, a[strided_offset(i, rank, shape, aStrides)],
                              b[strided_offset(i, rank, shape, bStrides)]);
    }
}

__kernel void axpy(float alpha, __global const float* x, int xOff, __global float* y, int yOff, int n) {
    int i = get_global_id(0);
    if (i < n) y[yOff + i] += alpha * x[xOff + i];
}

// The same operation order as ScalarBackend.adamw; bc1, bc2 are the bias corrections computed on the host.
__kernel void adamw(__global float* p, __global const float* g, __global float* m, __global float* v, int n,
                    float lr, float beta1, float beta2, float eps, float weightDecay, float bc1, float bc2) {
    int i = get_global_id(0);
    if (i >= n) return;
    float pi = p[i], gi = g[i];
    pi -= lr * weightDecay * pi;
    float mi = beta1 * m[i] + (1.0f - beta1) * gi;
    float vi = beta2 * v[i] + (1.0f - beta2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    float mhat = mi / bc1;
    float vhat = vi / bc2;
    p[i] = pi - lr * mhat / (sqrt(vhat) + eps);
}
