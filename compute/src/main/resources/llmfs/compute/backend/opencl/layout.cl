// Data movement: axis permutation and embedding rows.

// y[i] = x[offset of i in y's shape, read through x's permuted strides].
__kernel void permute(__global const float* x, __global float* y, int n, int rank, int8 yShape, int8 srcStrides) {
    int i = get_global_id(0);
    if (i < n) y[i] = x[strided_offset(i, rank, yShape, srcStrides)];
}

__kernel void embedding(__global const float* table, __global const int* ids, __global float* out, int dim, int n) {
    int i = get_global_id(0);
    if (i < n) {
        int row = i / dim, c = i - row * dim;
        out[i] = table[ids[row] * dim + c];
    }
}

// Scatter-add without float atomics. The host groups positions by id (CSR, positions ascending):
// csr = [ids of the `unique` rows | unique+1 start offsets | positions]. One work-item owns one (row, column) of the
// table and adds the positions in ascending order, the same order as the sequential reference.
__kernel void embedding_backward(__global const float* gOut, __global const int* csr, __global float* gTable, int dim,
                                 int unique) {
    int i = get_global_id(0);
    if (i >= unique * dim) return;
    int u = i / dim, c = i - u * dim;
    __global const int* starts = csr + unique;
    __global const int* positions = csr + 2 * unique + 1;
    int dst = csr[u] * dim + c;
    float acc = gTable[dst];
    for (int p = starts[u]; p < starts[u + 1]; p++) acc += gOut[positions[p] * dim + c];
    gTable[dst] = acc;
}
