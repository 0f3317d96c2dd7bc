// Batched matrix products C_b (= or +=) op(A_b) . op(B_b), op(A) [m, k], op(B) [k, n]; batch b = get_global_id(2),
// matrix b starts at b * stride. Both kernels add the k products in ascending order, like the reference.

// Fused multiply-add is where the speed of a matrix product comes from.
#pragma OPENCL FP_CONTRACT ON

// TS x TS tiles of A and B staged in local memory; one output per work-item. Any m, n, k (edges padded with 0).
__kernel void matmul_tiled(__global const float* A, __global const float* B, __global float* C,
                           int m, int n, int k, int transA, int transB,
                           int strideA, int strideB, int strideC, int accumulate) {
    __local float As[TS][TS];
    __local float Bs[TS][TS];
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
        // Padding past k is 0 in both tiles, so a fixed trip count (which the compiler unrolls) adds only zeros.
        for (int q = 0; q < TS; q++) acc += As[ty][q] * Bs[q][tx];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (row < m && col < n) {
        int o = row * n + col;
        C[o] = accumulate ? C[o] + acc : acc;
    }
}

// Bp[b][jb][p][q] = op(B_b)[p][16*jb + q], 0 past column n: each 16-column panel of op(B) becomes one contiguous
// [k, 16] block, so a matmul_reg work-item streams through memory and needs no column guard.
// Global ids: (column j padded to whole panels, row p of op(B), batch).
__kernel void pack_b(__global const float* B, __global float* Bp, int k, int n, int transB, int strideB,
                     int packedStride) {
    int j = get_global_id(0), p = get_global_id(1), b = get_global_id(2);
    if (p >= k) return;
    float v = 0.0f;
    if (j < n) {
        __global const float* Bb = B + (size_t) b * strideB;
        v = transB ? Bb[j * k + p] : Bb[p * n + j];
    }
    Bp[(size_t) b * packedStride + ((size_t) (j >> 4) * k + p) * 16 + (j & 15)] = v;
}

// Stores the first `cols` lanes of v into one row of an edge block.
inline void store_edge(float16 v, __global float* cp, int cols, int accumulate) {
    float tmp[16];
    vstore16(v, 0, tmp);
    for (int q = 0; q < cols; q++) cp[q] = accumulate ? cp[q] + tmp[q] : tmp[q];
}

// Register blocking: each work-item computes a 4 x 16 block of C in four float16 accumulators: per step of k, one
// 16-wide load of packed B and four multiply-adds. A may be stored either way. The last rows of C (m not a multiple
// of 4) take a guarded path; columns past n are zero in the packed panel and are not stored.
__kernel void matmul_reg(__global const float* A, __global const float* Bp, __global float* C,
                         int m, int n, int k, int transA,
                         int strideA, int packedStride, int strideC, int accumulate) {
    int jb = get_global_id(0), j0 = jb * 16, i0 = get_global_id(1) * 4;
    if (j0 >= n || i0 >= m) return;
    int b = get_global_id(2);
    A += (size_t) b * strideA;
    C += (size_t) b * strideC;
    __global const float* bp = Bp + (size_t) b * packedStride + (size_t) jb * k * 16;
    float16 c0 = (float16) (0.0f), c1 = c0, c2 = c0, c3 = c0;
    if (i0 + 4 <= m) {
        if (transA) {
            __global const float* ap = A + i0;
            for (int p = 0; p < k; p++) {
                float4 a = vload4(0, ap);
                float16 bv = vload16(p, bp);
                c0 += a.s0 * bv;
                c1 += a.s1 * bv;
                c2 += a.s2 * bv;
                c3 += a.s3 * bv;
                ap += m;
            }
        } else {
            __global const float* a0 = A + i0 * k;
            for (int p = 0; p < k; p++) {
                float16 bv = vload16(p, bp);
                c0 += a0[p] * bv;
                c1 += a0[k + p] * bv;
                c2 += a0[2 * k + p] * bv;
                c3 += a0[3 * k + p] * bv;
            }
        }
    } else {
        int rows = m - i0;
        for (int p = 0; p < k; p++) {
            float16 bv = vload16(p, bp);
            c0 += (transA ? A[p * m + i0] : A[i0 * k + p]) * bv;
            if (rows > 1) c1 += (transA ? A[p * m + i0 + 1] : A[(i0 + 1) * k + p]) * bv;
            if (rows > 2) c2 += (transA ? A[p * m + i0 + 2] : A[(i0 + 2) * k + p]) * bv;
        }
    }
    __global float* cp = C + i0 * n + j0;
    if (i0 + 4 <= m && j0 + 16 <= n) {
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
    int rows = min(4, m - i0), cols = min(16, n - j0);
    store_edge(c0, cp, cols, accumulate);
    if (rows > 1) store_edge(c1, cp + n, cols, accumulate);
    if (rows > 2) store_edge(c2, cp + 2 * n, cols, accumulate);
    if (rows > 3) store_edge(c3, cp + 3 * n, cols, accumulate);
}
