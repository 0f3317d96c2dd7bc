// Batched matrix products C_b (= or +=) op(A_b) . op(B_b), op(A) [m, k], op(B) [k, n]; batch b = get_global_id(2),
// matrix b starts at b * stride. Both kernels add the k products in ascending order, like the reference.

// Fused multiply-add is where the speed of a matrix product comes from.
#pragma OPENCL FP_CONTRACT ON

// TS x TS tiles of A and B staged in local memory; one output per work-item. Any m, n, k (edges padded with 0).
__kernel void matmul_tiled(__global const float* A, __global const float* B, __global float* C,
                           int m, int n, int k, int transA, int transB,
                           int strideA, int strideB, int strideC, int accumulate) {
    __local float As[TS][TS + 1];
    __local float Bs[TS][TS + 1];
    int tx = get_local_id(0), ty = get_local_id(1);
    int col = get_group_id(0) * TS + tx, row = get_group_id(1) * TS + ty;
    int b = get_global_id(2);
    A += (size_t) b * strideA;
    B += (size_t) b * strideB;
    C += (size_t) b * strideC;
    float acc = 0.0f;
    for (int p0 = 0; p0 < k; p0 += TS) {
        int pa = p0 + tx, pb = p0 + ty;
        As[ty][tx] = (row < m && pa < k) ? (transA ? A[pa * m + row] : A[row * k + pa]) : 0.0f;
        Bs[ty][tx] = (pb < k && col < n) ? (transB ? B[col * k + pb] : B[pb * n + col]) : 0.0f;
        barrier(CLK_LOCAL_MEM_FENCE);
        int steps = min(TS, k - p0);
        for (int q = 0; q < steps; q++) acc += As[ty][q] * Bs[q][tx];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (row < m && col < n) {
        int o = row * n + col;
        C[o] = accumulate ? C[o] + acc : acc;
    }
}

// Stores the first `cols` lanes of v into one row of an edge block.
inline void store_edge(float16 v, __global float* cp, int cols, int accumulate) {
    float tmp[16];
    vstore16(v, 0, tmp);
    for (int q = 0; q < cols; q++) cp[q] = accumulate ? cp[q] + tmp[q] : tmp[q];
}

// Register blocking: each work-item computes a 4 x 16 block of C in four float16 accumulators, reading B rows as
// float16 (one vector FMA per A element). B must be stored [k, n] (the host transposes it first when needed); A may
// be stored either way. Blocks that stick out of C take a guarded path with zero padding.
__kernel void matmul_reg(__global const float* A, __global const float* B, __global float* C,
                         int m, int n, int k, int transA,
                         int strideA, int strideB, int strideC, int accumulate) {
    int j0 = get_global_id(0) * 16, i0 = get_global_id(1) * 4;
    if (j0 >= n || i0 >= m) return;
    int b = get_global_id(2);
    A += (size_t) b * strideA;
    B += (size_t) b * strideB;
    C += (size_t) b * strideC;
    float16 c0 = (float16) (0.0f), c1 = c0, c2 = c0, c3 = c0;
    if (j0 + 16 <= n && i0 + 4 <= m) {
        __global const float* bp = B + j0;
        if (transA) {
            __global const float* ap = A + i0;
            for (int p = 0; p < k; p++) {
                float4 a = vload4(0, ap);
                float16 bv = vload16(0, bp);
                c0 += a.s0 * bv;
                c1 += a.s1 * bv;
                c2 += a.s2 * bv;
                c3 += a.s3 * bv;
                ap += m;
                bp += n;
            }
        } else {
            __global const float* a0 = A + i0 * k;
            for (int p = 0; p < k; p++) {
                float16 bv = vload16(0, bp);
                c0 += a0[p] * bv;
                c1 += a0[k + p] * bv;
                c2 += a0[2 * k + p] * bv;
                c3 += a0[3 * k + p] * bv;
                bp += n;
            }
        }
        __global float* cp = C + i0 * n + j0;
        if (accumulate) {
            c0 += vload16(0, cp);
            c1 += vload16(0, cp + n);
            c2 += vload16(0, cp + 2 * n);
            c3 += vload16(0, cp + 3 * n);
        }
        vstore16(c0, 0, cp);
        vstore16(c1, 0, cp + n);
        vstore16(c2, 0, cp + 2 * n);
        vstore16(c3, 0, cp + 3 * n);
        return;
    }
    // Edge block: rows past m read as 0 and columns past n are loaded as 0 and never stored.
    int rows = min(4, m - i0), cols = min(16, n - j0);
    float tmp[16];
    for (int p = 0; p < k; p++) {
        for (int q = 0; q < 16; q++) tmp[q] = q < cols ? B[p * n + j0 + q] : 0.0f;
        float16 bv = vload16(0, tmp);
        float a0 = transA ? A[p * m + i0] : A[i0 * k + p];
        float a1 = rows > 1 ? (transA ? A[p * m + i0 + 1] : A[(i0 + 1) * k + p]) : 0.0f;
        float a2 = rows > 2 ? (transA ? A[p * m + i0 + 2] : A[(i0 + 2) * k + p]) : 0.0f;
        float a3 = rows > 3 ? (transA ? A[p * m + i0 + 3] : A[(i0 + 3) * k + p]) : 0.0f;
        c0 += a0 * bv;
        c1 += a1 * bv;
        c2 += a2 * bv;
        c3 += a3 * bv;
    }
    __global float* cp = C + i0 * n + j0;
    store_edge(c0, cp, cols, accumulate);
    if (rows > 1) store_edge(c1, cp + n, cols, accumulate);
    if (rows > 2) store_edge(c2, cp + 2 * n, cols, accumulate);
    if (rows > 3) store_edge(c3, cp + 3 * n, cols, accumulate);
}
