// Shared inline functions. The host prepends #defines for the UnaryOp/BinaryOp codes (UNARY_*, BINARY_*), generated from
// the Java enums so both sides always agree, and ROW_WG / TS for the work-group shapes.

// Java never fuses a*b+c; keeping contraction off outside matmul keeps results closer to the reference backend.
#pragma OPENCL FP_CONTRACT OFF

// Offset into a strided tensor for a flat row-major index over `shape` (dims 0..rank-1, rank <= 8).
inline int strided_offset(int flat, int rank, int8 shape8, int8 strides8) {
    int shape[8], strides[8];
    vstore8(shape8, 0, shape);
    vstore8(strides8, 0, strides);
    int off = 0;
    for (int d = rank - 1; d >= 0; d--) {
        int n = shape[d];
        off += (flat % n) * strides[d];
        flat /= n;
    }
    return off;
}

// Tree sum over a work-group whose size is a power of two; every work-item receives the total.
// The order of additions depends only on the group size, so results are reproducible.
inline float group_sum(float v, __local float* s) {
    int l = get_local_id(0);
    s[l] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int h = get_local_size(0) / 2; h > 0; h >>= 1) {
        if (l < h) s[l] += s[l + h];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    float total = s[0];
    barrier(CLK_LOCAL_MEM_FENCE);
    return total;
}

inline float group_max(float v, __local float* s) {
    int l = get_local_id(0);
    s[l] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int h = get_local_size(0) / 2; h > 0; h >>= 1) {
        if (l < h) s[l] = fmax(s[l], s[l + h]);
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    float m = s[0];
    barrier(CLK_LOCAL_MEM_FENCE);
    return m;
}
