// Row kernels over a [rows, cols] matrix: one work-group per row, reductions in local memory.
// Work-items stride over the columns, so any cols works with any (power-of-two) group size.

__kernel void softmax(__global const float* x, __global float* y, int cols, int logMode, __local float* s) {
    int l = get_local_id(0), L = get_local_size(0);
    __global const float* xr = x + (size_t) get_group_id(0) * cols;
    __global float* yr = y + (size_t) get_group_id(0) * cols;
    float mx = -INFINITY;
    for (int c = l; c < cols; c += L) mx = fmax(mx, xr[c]);
    mx = group_max(mx, s);
    float sum = 0.0f;
    for (int c = l; c < cols; c += L) sum += exp(xr[c] - mx);
    sum = group_sum(sum, s);
    if (logMode) {
        float lse = log(sum);
        for (int c = l; c < cols; c += L) yr[c] = xr[c] - mx - lse;
    } else {
        for (int c = l; c < cols; c += L) yr[c] = exp(xr[c] - mx) / sum;
    }
}

__kernel void softmax_backward(__global const float* y, __global const float* gy, __global float* gx, int cols,
                               int logMode, __local float* s) {
    int l = get_local_id(0), L = get_local_size(0);
    size_t o = (size_t) get_group_id(0) * cols;
    float acc = 0.0f;
    if (logMode) {
        // y = x - lse(x): gx = gy - softmax(x) * sum(gy)
        for (int c = l; c < cols; c += L) acc += gy[o + c];
        float total = group_sum(acc, s);
        for (int c = l; c < cols; c += L) gx[o + c] += gy[o + c] - exp(y[o + c]) * total;
    } else {
        // gx = y * (gy - sum(y * gy))
        for (int c = l; c < cols; c += L) acc += y[o + c] * gy[o + c];
        float dot = group_sum(acc, s);
        for (int c = l; c < cols; c += L) gx[o + c] += y[o + c] * (gy[o + c] - dot);
    }
}

// Softmax of each row into probs, and the row's loss (0 for an ignored row) into rowLoss; the host then averages.
__kernel void cross_entropy(__global const float* logits, __global const int* targets, __global float* probs,
                            __global float* rowLoss, int cols, int ignoreIndex, __local float* s) {
    int r = get_group_id(0), l = get_local_id(0), L = get_local_size(0);
    __global const float* xr = logits + (size_t) r * cols;
    __global float* pr = probs + (size_t) r * cols;
    float mx = -INFINITY;
    for (int c = l; c < cols; c += L) mx = fmax(mx, xr[c]);
    mx = group_max(mx, s);
    float sum = 0.0f;
    for (int c = l; c < cols; c += L) sum += exp(xr[c] - mx);
    sum = group_sum(sum, s);
    for (int c = l; c < cols; c += L) pr[c] = exp(xr[c] - mx) / sum;
    if (l == 0) {
        int t = targets[r];
        rowLoss[r] = t == ignoreIndex ? 0.0f : log(sum) + mx - xr[t];
    }
}

__kernel void cross_entropy_backward(__global const float* probs, __global const int* targets, __global float* g,
                                     int rows, int cols, int ignoreIndex, float scale) {
    int i = get_global_id(0);
    if (i >= rows * cols) return;
    int r = i / cols, c = i - r * cols;
    int t = targets[r];
    if (t == ignoreIndex) return;
    g[i] += scale * (probs[i] - (c == t ? 1.0f : 0.0f));
}

__kernel void layer_norm(__global const float* x, __global const float* gamma, __global const float* beta,
                         __global float* y, __global float* mean, __global float* rstd, int cols, float eps,
                         __local float* s) {
    int r = get_group_id(0), l = get_local_id(0), L = get_local_size(0);
    size_t o = (size_t) r * cols;
    float acc = 0.0f;
    for (int c = l; c < cols; c += L) acc += x[o + c];
    float mu = group_sum(acc, s) / cols;
    acc = 0.0f;
    for (int c = l; c < cols; c += L) {
        float d = x[o + c] - mu;
        acc += d * d;
    }
    float rs = 1.0f / sqrt(group_sum(acc, s) / cols + eps);
    if (l == 0) {
        mean[r] = mu;
        rstd[r] = rs;
    }
    for (int c = l; c < cols; c += L) y[o + c] = (x[o + c] - mu) * rs * gamma[c] + beta[c];
}

// gx += rstd * (d - mean(d) - xhat * mean(d * xhat)) with d = gy * gamma. The per-row products gy * xhat go to
// gammaRows so the host can sum them over rows in a second, deterministic pass (no float atomics).
__kernel void layer_norm_backward(__global const float* gy, __global const float* x, __global const float* gamma,
                                  __global const float* mean, __global const float* rstd, __global float* gx,
                                  __global float* gammaRows, int cols, __local float* s) {
    int r = get_group_id(0), l = get_local_id(0), L = get_local_size(0);
    size_t o = (size_t) r * cols;
    float mu = mean[r], rs = rstd[r];
    float sumD = 0.0f, sumDX = 0.0f;
    for (int c = l; c < cols; c += L) {
        float xhat = (x[o + c] - mu) * rs;
        float d = gy[o + c] * gamma[c];
        sumD += d;
        sumDX += d * xhat;
        gammaRows[o + c] = gy[o + c] * xhat;
    }
    float mD = group_sum(sumD, s) / cols;
    float mDX = group_sum(sumDX, s) / cols;
    for (int c = l; c < cols; c += L) {
        float xhat = (x[o + c] - mu) * rs;
        gx[o + c] += rs * (gy[o + c] * gamma[c] - mD - xhat * mDX);
    }
}

// Causal softmax of scaled scores in place: row (h, i) of a [bh, t, t] matrix keeps columns j <= i, the rest become 0.
__kernel void causal_softmax(__global float* att, int t, float scale, __local float* s) {
    int row = get_group_id(0), l = get_local_id(0), L = get_local_size(0);
    int i = row % t;
    __global float* a = att + (size_t) row * t;
    float mx = -INFINITY;
    for (int j = l; j <= i; j += L) mx = fmax(mx, a[j] * scale);
    mx = group_max(mx, s);
    float sum = 0.0f;
    for (int j = l; j <= i; j += L) sum += exp(a[j] * scale - mx);
    sum = group_sum(sum, s);
    for (int j = l; j < t; j += L) a[j] = j <= i ? exp(a[j] * scale - mx) / sum : 0.0f;
}

// In place: gAtt (the gradient of the weights) becomes the gradient of the unscaled scores,
// att * (gAtt - sum(att * gAtt)) * scale on the causal part and 0 above it.
__kernel void causal_softmax_backward(__global const float* att, __global float* gAtt, int t, float scale,
                                      __local float* s) {
    int row = get_group_id(0), l = get_local_id(0), L = get_local_size(0);
    int i = row % t;
    size_t o = (size_t) row * t;
    float acc = 0.0f;
    for (int j = l; j <= i; j += L) acc += att[o + j] * gAtt[o + j];
    float dot = group_sum(acc, s);
    for (int j = l; j < t; j += L) gAtt[o + j] = j <= i ? att[o + j] * (gAtt[o + j] - dot) * scale : 0.0f;
}
