// Sums over broadcast dimensions (sumTo) and the partial sums of squares for gradient clipping.
// The host splits x's dims into kept dims (present in the output) and reduced dims, each described by a shape and
// x-strides (rank <= 8). Output j sums x[kept(j) + reduced(r)] for r < R.

inline int reduced_offset(int r, int redRank, int8 redShape, int8 redStrides) {
    return redRank == 1 ? r * redStrides.s0 : strided_offset(r, redRank, redShape, redStrides);
}

// One work-item per output; sequential over r. Used when there are many outputs (adjacent work-items then read
// adjacent memory).
__kernel void sum_thread(__global const float* x, __global float* y, int outputs,
                         int keptRank, int8 keptShape, int8 keptStrides,
                         int redRank, int8 redShape, int8 redStrides, int R, float scale, int accumulate) {
    int j = get_global_id(0);
    if (j >= outputs) return;
    int base = keptRank == 0 ? 0 : strided_offset(j, keptRank, keptShape, keptStrides);
    float acc = 0.0f;
    if (redRank == 1) {
        int s = redStrides.s0;
        for (int r = 0; r < R; r++) acc += x[base + r * s];
    } else {
        for (int r = 0; r < R; r++) acc += x[base + reduced_offset(r, redRank, redShape, redStrides)];
    }
    y[j] = (accumulate ? y[j] : 0.0f) + scale * acc;
}

// One work-group per (output j, chunk c) with `chunks` chunks of `chunk` reduced elements each; writes y[j*chunks+c].
// With several chunks the host sums the partials in a second pass.
__kernel void sum_group(__global const float* x, __global float* y, int chunks, int chunk,
                        int keptRank, int8 keptShape, int8 keptStrides,
                        int redRank, int8 redShape, int8 redStrides, int R, float scale, int accumulate,
                        __local float* scratch) {
    int g = get_group_id(0);
    int j = g / chunks, c = g - j * chunks;
    int base = keptRank == 0 ? 0 : strided_offset(j, keptRank, keptShape, keptStrides);
    int r0 = c * chunk, r1 = min(R, r0 + chunk);
    float acc = 0.0f;
    for (int r = r0 + (int) get_local_id(0); r < r1; r += get_local_size(0)) {
        acc += x[base + reduced_offset(r, redRank, redShape, redStrides)];
    }
    float total = group_sum(acc, scratch);
    if (get_local_id(0) == 0) y[g] = (accumulate ? y[g] : 0.0f) + scale * total;
}

// partial[g] = sum of x[i]^2 over this group's grid-stride share; the host adds the partials in double.
__kernel void sum_squares(__global const float* x, int n, __global float* partial, __local float* scratch) {
    float acc = 0.0f;
    for (int i = get_global_id(0); i < n; i += get_global_size(0)) {
        float v = x[i];
        acc += v * v;
    }
    float total = group_sum(acc, scratch);
    if (get_local_id(0) == 0) partial[get_group_id(0)] = total;
}
