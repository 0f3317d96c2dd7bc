package llmfs.compute.backend.opencl;

import llmfs.compute.Shape;
import llmfs.compute.backend.Backend;
import llmfs.compute.backend.BinaryOp;
import llmfs.compute.backend.Broadcast;
import llmfs.compute.backend.Buffer;
import llmfs.compute.backend.UnaryOp;
import org.lwjgl.PointerBuffer;
import org.lwjgl.opencl.CL10;
import org.lwjgl.system.MemoryStack;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenCL backend: every {@link Backend} operation as a kernel on one device (a GPU when there is one). Tensors
 * keep their data in device memory ({@link ClBuffer}); work is queued without waiting and only reading results back
 * to the host waits. Kernels are compiled once when the backend is created.
 *
 * <p>Results agree with {@link llmfs.compute.backend.ScalarBackend} to float rounding: sums run in float rather than
 * double, in a fixed order, so repeated runs give identical results.
 */
public final class OpenClBackend implements Backend {

    /**
     * The outcome of {@link #create}: a backend, or the reason none could be made.
     *
     * @param backend the backend, or {@code null}
     * @param reason  why OpenCL is not used (what to install or change), or {@code null} when {@code backend} is set
     */
    public record Result(OpenClBackend backend, String reason) {
        /** True when a backend was created. */
        public boolean available() {
            return backend != null;
        }
    }

    /** Which matrix-product kernel to run; AUTO picks by size and device. */
    enum MatmulPath { AUTO, TILED, REGISTER }

    /** Columns per register-blocked work-item (the float16 width) and rows per work-item. */
    private static final int REG_COLS = 16;
    private static final int REG_ROWS = 4;

    private static final String[] KERNELS = {
        "unary", "unary_backward", "binary_same", "binary_trailing", "binary_strided", "axpy", "adamw",
        "permute", "embedding", "embedding_backward", "sum_thread", "sum_group", "sum_squares",
        "softmax", "softmax_backward", "cross_entropy", "cross_entropy_backward", "layer_norm",
        "layer_norm_backward", "causal_softmax", "causal_softmax_backward", "matmul_tiled", "pack_b", "matmul_reg"};

    private final ClDevice device;
    private final long context;
    private final ClQueue queue;
    private final long program;
    private final DeviceMemory memory;
    private final Map<String, Kernel> kernels = new HashMap<>();
    private final int tile;
    private final String buildOptions;
    private MatmulPath matmulPath = MatmulPath.AUTO;
    private boolean closed;

    // ---------------------------------------------------------------- creation

    /**
     * Creates a backend on the best OpenCL device: a GPU first; a CPU device only when {@code allowCpu}. Never throws
     * for a missing driver or device: the result then carries the reason.
     */
    public static Result create(boolean allowCpu) {
        OpenClProbe.Probe probe = OpenClProbe.probe();
        if (!probe.available()) return new Result(null, probe.unavailableReason());
        List<ClDevice> candidates = new ArrayList<>(probe.devices());
        candidates.sort(Comparator.comparingInt((ClDevice d) -> rank(d.type()))
                .thenComparing(Comparator.comparingLong(ClDevice::globalMemBytes).reversed()));
        List<String> skipped = new ArrayList<>();
        for (ClDevice d : candidates) {
            if (!d.supportsOpenCl12()) {
                skipped.add(d.name() + ": needs OpenCL 1.2 or newer, the driver offers " + d.version());
            } else if (d.type() == ClDevice.Type.CPU && !allowCpu) {
                skipped.add(d.name() + ": a CPU device, not used unless OpenCL is requested explicitly "
                        + "(--device opencl); the java backend is the default on CPUs");
            } else {
                try {
                    return new Result(new OpenClBackend(d), null);
                } catch (KernelBuildException e) {
                    skipped.add(d.name() + ": " + e.getMessage());
                } catch (RuntimeException | LinkageError e) {
                    skipped.add(d.name() + ": setting up OpenCL failed: " + e.getMessage());
                }
            }
        }
        return new Result(null, "no usable OpenCL device: " + String.join("; ", skipped));
    }

    private static int rank(ClDevice.Type t) {
        switch (t) {
            case GPU: return 0;
            case ACCELERATOR: return 1;
            case OTHER: return 2;
            default: return 3;
        }
    }

    private OpenClBackend(ClDevice device) throws KernelBuildException {
        this.device = device;
        this.tile = device.maxWorkGroupSize() >= 256 ? 16 : device.maxWorkGroupSize() >= 64 ? 8 : 4;
        this.buildOptions = "-cl-std=CL1.2" + (device.exactDivideSqrt() ? " -cl-fp32-correctly-rounded-divide-sqrt" : "");
        long ctx = 0, q = 0, prog = 0;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer err = stack.mallocInt(1);
            PointerBuffer props = stack.mallocPointer(3);
            props.put(0, CL10.CL_CONTEXT_PLATFORM).put(1, device.platform()).put(2, 0);
            ctx = CL10.clCreateContext(props, device.id(), null, 0, err);
            ClErrors.check(err.get(0), "clCreateContext");
            q = CL10.clCreateCommandQueue(ctx, device.id(), 0, err);
            ClErrors.check(err.get(0), "clCreateCommandQueue");
            prog = ClProgram.build(ctx, device, ClProgram.source(tile), buildOptions);
            for (String name : KERNELS) {
                long k = CL10.clCreateKernel(prog, name, err);
                ClErrors.check(err.get(0), "clCreateKernel " + name);
                PointerBuffer wg = stack.mallocPointer(1);
                ClErrors.check(CL10.clGetKernelWorkGroupInfo(k, device.id(), CL10.CL_KERNEL_WORK_GROUP_SIZE, wg, null),
                        "clGetKernelWorkGroupInfo");
                int max = (int) Math.min(Math.min(wg.get(0), device.maxWorkGroupSize()), 1024);
                kernels.put(name, new Kernel(k, name, max));
            }
            if (kernel("matmul_tiled").maxGroup() < tile * tile) {
                throw new ClException("the tiled matrix kernel needs work-groups of " + tile * tile + " but "
                        + device.name() + " allows " + kernel("matmul_tiled").maxGroup(), 0);
            }
        } catch (KernelBuildException | RuntimeException e) {
            for (Kernel k : kernels.values()) CL10.clReleaseKernel(k.handle());
            if (prog != 0) CL10.clReleaseProgram(prog);
            if (q != 0) CL10.clReleaseCommandQueue(q);
            if (ctx != 0) CL10.clReleaseContext(ctx);
            throw e;
        }
        this.context = ctx;
        this.queue = new ClQueue(q);
        this.program = prog;
        // A CPU device's "global memory" is the machine's RAM, shared with the JVM and everything else: keep the
        // pool small there (at 40% a full bench held 8 GB resident, buffers the Java heap never noticed).
        double share = device.type() == ClDevice.Type.GPU ? 0.85 : 0.1;
        this.memory = new DeviceMemory(ctx, (long) (device.globalMemBytes() * share), device.maxAllocBytes(),
                device.name());
    }

    /** The device this backend runs on. */
    public ClDevice device() {
        return device;
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String description() {
        return "OpenCL on " + device.summary() + " via " + device.platformName();
    }

    /** Forces one matrix-product kernel (tests run both on every shape). */
    synchronized void useMatmulPath(MatmulPath path) {
        this.matmulPath = path;
    }

    /** Compiles {@code source} with the backend's options through the same path as the real kernels, then discards it. */
    synchronized void compile(String source) throws KernelBuildException {
        open();
        CL10.clReleaseProgram(ClProgram.build(context, device, source, buildOptions));
    }

    /** Bytes of device memory held (in use or pooled) and pooled. */
    long[] memoryUse() {
        return new long[]{memory.inUse(), memory.pooled()};
    }

    private Kernel kernel(String name) {
        return kernels.get(name);
    }

    // ---------------------------------------------------------------- memory

    private void open() {
        if (closed) throw new IllegalStateException("the OpenCL backend was closed; create tensors on another backend");
    }

    private ClBuffer cl(Buffer b) {
        if (b instanceof ClBuffer c && c.backend() == this) return c;
        throw new IllegalArgumentException("a buffer of the " + b.backend().name()
                + " backend was passed to the opencl backend; create all tensors after choosing the backend");
    }

    /** A buffer with undefined contents. */
    private ClBuffer scratch(int size) {
        return new ClBuffer(this, memory, size);
    }

    private ClBuffer uploadInts(int[] values, int len) {
        ClBuffer b = scratch(len);
        if (len > 0) queue.write(b, 0, values, 0, len);
        return b;
    }

    @Override
    public synchronized Buffer allocate(int size) {
        open();
        ClBuffer b = scratch(size);
        if (size > 0) queue.fill(b, 0, size, 0f);
        return b;
    }

    @Override
    public synchronized Buffer upload(float[] src, int off, int len) {
        open();
        ClBuffer b = scratch(len);
        if (len > 0) queue.write(b, 0, src, off, len);
        return b;
    }

    @Override
    public synchronized void download(Buffer src, int srcOff, float[] dst, int dstOff, int len) {
        open();
        if (len > 0) queue.read(cl(src), srcOff, dst, dstOff, len);
    }

    @Override
    public synchronized void copy(Buffer src, int srcOff, Buffer dst, int dstOff, int len) {
        open();
        if (len <= 0) return;
        ClBuffer s = cl(src), d = cl(dst);
        if (s == d && srcOff < dstOff + len && dstOff < srcOff + len) {
            if (srcOff == dstOff) return;
            // OpenCL rejects overlapping copies within one buffer; go through a temporary.
            ClBuffer tmp = scratch(len);
            queue.copy(s, srcOff, tmp, 0, len);
            queue.copy(tmp, 0, d, dstOff, len);
            tmp.free();
            return;
        }
        queue.copy(s, srcOff, d, dstOff, len);
    }

    @Override
    public synchronized void fill(Buffer dst, int off, int len, float value) {
        open();
        if (len > 0) queue.fill(cl(dst), off, len, value);
    }

    // ---------------------------------------------------------------- launching

    private static int floorPow2(int v) {
        return Integer.highestOneBit(Math.max(1, v));
    }

    private static int ceilPow2(int v) {
        return v <= 1 ? 1 : Integer.highestOneBit(v - 1) << 1;
    }

    private static long roundUp(long v, long m) {
        return (v + m - 1) / m * m;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Work-group size for one-element-per-item kernels. */
    private int elementGroup(Kernel k) {
        return floorPow2(Math.min(256, k.maxGroup()));
    }

    /** One work-item per element of {@code n}; the global size is padded to a whole number of groups. */
    private void launch1d(String name, int n, Object... args) {
        if (n <= 0) return;
        Kernel k = kernel(name);
        int local = elementGroup(k);
        queue.run(k, new long[]{roundUp(n, local)}, new long[]{local}, null, args);
    }

    /** Power-of-two group size for a row of {@code cols}: no wider than the row, at least a GPU warp. */
    private int rowGroup(Kernel k, int cols) {
        int cap = floorPow2(Math.min(256, k.maxGroup()));
        int floor = device.type() == ClDevice.Type.GPU ? 32 : 1;
        return Math.min(cap, Math.max(floor, ceilPow2(cols)));
    }

    /** One work-group per row; the kernel's last argument is the local scratch for its reductions. */
    private void launchRows(String name, int rows, int cols, Object... args) {
        if (rows <= 0) return;
        Kernel k = kernel(name);
        int local = rowGroup(k, cols);
        Object[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = new ClQueue.Local(4L * local);
        queue.run(k, new long[]{(long) rows * local}, new long[]{local}, null, all);
    }

    // ---------------------------------------------------------------- linear algebra

    @Override
    public synchronized void matmul(Buffer a, Buffer b, Buffer c, int batch, int m, int n, int k, boolean transA,
                                    boolean transB, long strideA, long strideB, long strideC, boolean accumulate) {
        open();
        if (batch <= 0 || m <= 0 || n <= 0) return;
        ClBuffer A = cl(a), B = cl(b), C = cl(c);
        if (strideC == 0 && batch > 1) {
            // Every batch writes the same C: run them one after another, as the reference does.
            for (int i = 0; i < batch; i++) matmulLaunch(A, B, C, i, 1, m, n, k, transA, transB, strideA, strideB, 0, accumulate);
            return;
        }
        matmulLaunch(A, B, C, 0, batch, m, n, k, transA, transB, strideA, strideB, strideC, accumulate);
    }

    /** Runs batches {@code first .. first+count-1} (the batch index is the kernel's third global id). */
    private void matmulLaunch(ClBuffer A, ClBuffer B, ClBuffer C, int first, int count, int m, int n, int k,
                              boolean transA, boolean transB, long strideA, long strideB, long strideC,
                              boolean accumulate) {
        if (k <= 0) {
            // An empty sum: C = 0, or unchanged when accumulating.
            if (!accumulate) {
                for (int i = first; i < first + count; i++) queue.fill(C, (int) (i * strideC), m * n, 0f);
            }
            return;
        }
        long[] offset = first == 0 ? null : new long[]{0, 0, first};
        if (!useRegister(count, m, n, k)) {
            Kernel kt = kernel("matmul_tiled");
            queue.run(kt, new long[]{roundUp(n, tile), roundUp(m, tile), count}, new long[]{tile, tile, 1}, offset,
                    A, B, C, m, n, k, transA ? 1 : 0, transB ? 1 : 0, (int) strideA, (int) strideB, (int) strideC,
                    accumulate ? 1 : 0);
            return;
        }
        // The register kernel reads B as packed 16-column panels (O(k·n) work, small next to the O(m·n·k) product).
        int panels = ceilDiv(n, REG_COLS);
        int copies = strideB == 0 ? 1 : first + count;
        int packedStride = strideB == 0 ? 0 : panels * k * REG_COLS;
        int packedSize = copies * panels * k * REG_COLS;
        ClBuffer packed = scratch(packedSize);
        Kernel kp = kernel("pack_b");
        int px = Math.min(REG_COLS, kp.maxGroup());
        queue.run(kp, new long[]{(long) panels * REG_COLS, k, copies}, new long[]{px, 1, 1}, null, B, packed, k, n,
                transB ? 1 : 0, (int) strideB, packedStride);
        Kernel kr = kernel("matmul_reg");
        int lx = Math.min(16, kr.maxGroup());
        int ly = Math.max(1, Math.min(4, kr.maxGroup() / lx));
        queue.run(kr, new long[]{roundUp(panels, lx), roundUp(ceilDiv(m, REG_ROWS), ly), count},
                new long[]{lx, ly, 1}, offset, A, packed, C, m, n, k, transA ? 1 : 0, (int) strideA, packedStride,
                (int) strideC, accumulate ? 1 : 0);
        packed.free();
    }

    /**
     * On a GPU the register-blocked kernel wins once there are enough 4x16 blocks to fill the device and enough work
     * per launch; small or thin products (fewer than 4 rows or 16 columns) leave most of each block empty and use the
     * tiled kernel. On a CPU device the tiled kernel's work-group barriers are slow (measured about 1-8 GFLOP/s
     * against 50-150 on PoCL), so the register kernel is used for every shape.
     */
    private boolean useRegister(int batch, int m, int n, int k) {
        if (matmulPath != MatmulPath.AUTO) return matmulPath == MatmulPath.REGISTER;
        if (device.type() == ClDevice.Type.CPU) return true;
        if (m < REG_ROWS || n < REG_COLS) return false;
        long blocks = (long) ceilDiv(m, REG_ROWS) * ceilDiv(n, REG_COLS) * batch;
        long flops = 2L * m * n * k * batch;
        return blocks >= 32L * device.computeUnits() && flops >= (1L << 22);
    }

    // ---------------------------------------------------------------- elementwise

    @Override
    public synchronized void unary(UnaryOp op, Buffer x, Buffer y, int n, float param) {
        open();
        launch1d("unary", n, op.ordinal(), cl(x), cl(y), n, param);
    }

    @Override
    public synchronized void unaryBackward(UnaryOp op, Buffer x, Buffer y, Buffer gy, Buffer gx, int n, float param) {
        open();
        launch1d("unary_backward", n, op.ordinal(), cl(x), cl(y), cl(gy), cl(gx), n, param);
    }

    @Override
    public synchronized void binary(BinaryOp op, Buffer a, Buffer b, Buffer out, Broadcast bc) {
        open();
        int n = bc.size;
        if (bc.sameShape) {
            launch1d("binary_same", n, op.ordinal(), cl(a), cl(b), cl(out), n);
        } else if (bc.bTrailing > 0) {
            launch1d("binary_trailing", n, op.ordinal(), cl(a), cl(b), cl(out), n, bc.bTrailing);
        } else {
            StridedDims d = StridedDims.of(bc.outShape, bc.aStrides, bc.bStrides).requireKernelRank(op.name().toLowerCase());
            launch1d("binary_strided", n, op.ordinal(), cl(a), cl(b), cl(out), n, d.rank(), d.shape8(), d.strides8(0),
                    d.strides8(1));
        }
    }

    @Override
    public synchronized void sumTo(Buffer x, int[] xShape, Buffer y, int[] yShape, boolean accumulate) {
        open();
        if (xShape.length != yShape.length) {
            throw new IllegalArgumentException("sumTo: shapes " + Shape.str(xShape) + " and " + Shape.str(yShape)
                    + " must have the same rank");
        }
        int rank = xShape.length;
        int[] xs = Shape.strides(xShape);
        int[] keptShape = new int[rank], keptStr = new int[rank], redShape = new int[rank], redStr = new int[rank];
        int kr = 0, rr = 0;
        for (int d = 0; d < rank; d++) {
            if (xShape[d] == 1) continue;
            if (yShape[d] == xShape[d]) {
                keptShape[kr] = xShape[d];
                keptStr[kr++] = xs[d];
            } else if (yShape[d] == 1) {
                redShape[rr] = xShape[d];
                redStr[rr++] = xs[d];
            } else {
                throw new IllegalArgumentException("sumTo: cannot sum " + Shape.str(xShape) + " to "
                        + Shape.str(yShape) + ": each dimension must be kept or reduced to 1");
            }
        }
        StridedDims kept = StridedDims.of(Arrays.copyOf(keptShape, kr), Arrays.copyOf(keptStr, kr))
                .requireKernelRank("sum");
        StridedDims red = StridedDims.of(Arrays.copyOf(redShape, rr), Arrays.copyOf(redStr, rr))
                .requireKernelRank("sum");
        int outputs = Shape.numel(yShape);
        int total = Shape.numel(xShape);
        reduce(cl(x), cl(y), outputs, kept, red, outputs == 0 ? 0 : total / outputs, 1f, accumulate);
    }

    /**
     * y[j] (+)= scale · Σ_r x[kept(j) + reduced(r)] for {@code j < outputs}, {@code r < count}. Many outputs: one
     * work-item each. Few outputs: work-groups with tree sums, split into chunks (then summed in a second pass)
     * when a single group per output would leave the device idle. The order of additions depends only on the shapes.
     */
    private void reduce(ClBuffer x, ClBuffer y, int outputs, StridedDims kept, StridedDims red, int count,
                        float scale, boolean accumulate) {
        if (outputs <= 0) return;
        if (count <= 0) {
            if (!accumulate) queue.fill(y, 0, outputs, 0f);
            return;
        }
        boolean gpu = device.type() == ClDevice.Type.GPU;
        int manyOutputs = gpu ? 8192 : 32 * device.computeUnits();
        if (count <= 32 || outputs >= manyOutputs) {
            launch1d("sum_thread", outputs, x, y, outputs, kept.rank(), kept.shape8(), kept.strides8(0), red.rank(),
                    red.shape8(), red.strides8(0), count, scale, accumulate ? 1 : 0);
            return;
        }
        Kernel k = kernel("sum_group");
        int local = Math.min(floorPow2(Math.min(256, k.maxGroup())), ceilPow2(count));
        int targetGroups = device.computeUnits() * (gpu ? 4 : 1);
        int chunks = 1;
        if (outputs < targetGroups) chunks = Math.max(1, Math.min(ceilDiv(targetGroups, outputs), count / (4 * local)));
        int chunk = ceilDiv(count, chunks);
        chunks = ceilDiv(count, chunk);
        ClBuffer target = chunks == 1 ? y : scratch(outputs * chunks);
        queue.run(k, new long[]{(long) outputs * chunks * local}, new long[]{local}, null, x, target, chunks, chunk,
                kept.rank(), kept.shape8(), kept.strides8(0), red.rank(), red.shape8(), red.strides8(0), count,
                chunks == 1 ? scale : 1f, chunks == 1 && accumulate ? 1 : 0, new ClQueue.Local(4L * local));
        if (chunks > 1) {
            reduce(target, y, outputs, StridedDims.of(new int[]{outputs}, new int[]{chunks}),
                    StridedDims.of(new int[]{chunks}, new int[]{1}), chunks, scale, accumulate);
            target.free();
        }
    }

    /** y[c] += Σ_r x[r, c] over a [rows, cols] matrix. */
    private void addColumnSums(ClBuffer x, ClBuffer y, int rows, int cols) {
        reduce(x, y, cols, StridedDims.of(new int[]{cols}, new int[]{1}), StridedDims.of(new int[]{rows}, new int[]{cols}),
                rows, 1f, true);
    }

    @Override
    public synchronized void axpy(float alpha, Buffer x, int xOff, Buffer y, int yOff, int n) {
        open();
        launch1d("axpy", n, alpha, cl(x), xOff, cl(y), yOff, n);
    }

    @Override
    public synchronized void permute(Buffer x, int[] xShape, int[] perm, Buffer y) {
        open();
        int rank = xShape.length;
        int[] xStrides = Shape.strides(xShape);
        int[] yShape = new int[rank], src = new int[rank];
        for (int i = 0; i < rank; i++) {
            yShape[i] = xShape[perm[i]];
            src[i] = xStrides[perm[i]];
        }
        int n = Shape.numel(yShape);
        StridedDims d = StridedDims.of(yShape, src).requireKernelRank("permute");
        launch1d("permute", n, cl(x), cl(y), n, d.rank(), d.shape8(), d.strides8(0));
    }

    // ---------------------------------------------------------------- rows

    @Override
    public synchronized void softmax(Buffer x, Buffer y, int rows, int cols, boolean log) {
        open();
        if (cols > 0) launchRows("softmax", rows, cols, cl(x), cl(y), cols, log ? 1 : 0);
    }

    @Override
    public synchronized void softmaxBackward(Buffer y, Buffer gy, Buffer gx, int rows, int cols, boolean log) {
        open();
        if (cols > 0) launchRows("softmax_backward", rows, cols, cl(y), cl(gy), cl(gx), cols, log ? 1 : 0);
    }

    /** Targets index into the device buffer: a bad one would read outside it, so check them here too. */
    private static int countTargets(int[] targets, int rows, int cols, int ignoreIndex) {
        if (targets.length < rows) {
            throw new IllegalArgumentException("crossEntropy: " + targets.length + " targets for " + rows + " rows");
        }
        int count = 0;
        for (int r = 0; r < rows; r++) {
            int t = targets[r];
            if (t == ignoreIndex) continue;
            if (t < 0 || t >= cols) {
                throw new IllegalArgumentException("crossEntropy: target " + t + " at row " + r
                        + " is not a class index in 0.." + (cols - 1));
            }
            count++;
        }
        return count;
    }

    @Override
    public synchronized void crossEntropy(Buffer logits, int[] targets, int rows, int cols, int ignoreIndex,
                                          Buffer probs, Buffer loss) {
        open();
        int count = countTargets(targets, rows, cols, ignoreIndex);
        ClBuffer lossBuf = cl(loss);
        if (rows == 0 || cols == 0) {
            queue.fill(lossBuf, 0, 1, 0f);
            return;
        }
        ClBuffer t = uploadInts(targets, rows);
        ClBuffer rowLoss = scratch(rows);
        launchRows("cross_entropy", rows, cols, cl(logits), t, cl(probs), rowLoss, cols, ignoreIndex);
        if (count == 0) {
            queue.fill(lossBuf, 0, 1, 0f);
        } else {
            reduce(rowLoss, lossBuf, 1, StridedDims.of(new int[0], new int[0]), StridedDims.of(new int[]{rows}, new int[]{1}), rows,
                    1f / count, false);
        }
        t.free();
        rowLoss.free();
    }

    @Override
    public synchronized void crossEntropyBackward(Buffer probs, int[] targets, int rows, int cols, int ignoreIndex,
                                                  float scale, Buffer gLogits) {
        open();
        countTargets(targets, rows, cols, ignoreIndex);
        if (rows == 0 || cols == 0) return;
        ClBuffer t = uploadInts(targets, rows);
        launch1d("cross_entropy_backward", rows * cols, cl(probs), t, cl(gLogits), rows, cols, ignoreIndex, scale);
        t.free();
    }

    @Override
    public synchronized void layerNorm(Buffer x, Buffer gamma, Buffer beta, Buffer y, Buffer mean, Buffer rstd,
                                       int rows, int cols, float eps) {
        open();
        if (cols > 0) {
            launchRows("layer_norm", rows, cols, cl(x), cl(gamma), cl(beta), cl(y), cl(mean), cl(rstd), cols, eps);
        }
    }

    @Override
    public synchronized void layerNormBackward(Buffer gy, Buffer x, Buffer gamma, Buffer mean, Buffer rstd, Buffer gx,
                                               Buffer gGamma, Buffer gBeta, int rows, int cols) {
        open();
        if (rows <= 0 || cols <= 0) return;
        ClBuffer gammaRows = scratch(rows * cols);
        launchRows("layer_norm_backward", rows, cols, cl(gy), cl(x), cl(gamma), cl(mean), cl(rstd), cl(gx), gammaRows,
                cols);
        addColumnSums(gammaRows, cl(gGamma), rows, cols);
        addColumnSums(cl(gy), cl(gBeta), rows, cols);
        gammaRows.free();
    }

    // ---------------------------------------------------------------- tokens

    private static void checkIds(int[] ids, int rowsInTable, String op) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= rowsInTable) {
                throw new IllegalArgumentException(op + ": id " + ids[i] + " at position " + i
                        + " is outside the table's " + rowsInTable + " rows");
            }
        }
    }

    @Override
    public synchronized void embedding(Buffer table, int[] ids, Buffer out, int dim) {
        open();
        if (ids.length == 0 || dim <= 0) return;
        ClBuffer tb = cl(table);
        checkIds(ids, tb.size() / dim, "embedding");
        ClBuffer idb = uploadInts(ids, ids.length);
        launch1d("embedding", ids.length * dim, tb, idb, cl(out), dim, ids.length * dim);
        idb.free();
    }

    @Override
    public synchronized void embeddingBackward(Buffer gOut, int[] ids, Buffer gTable, int dim) {
        open();
        int n = ids.length;
        if (n == 0 || dim <= 0) return;
        ClBuffer gt = cl(gTable);
        checkIds(ids, gt.size() / dim, "embedding backward");
        // Group positions by id (ascending positions within an id): [unique ids | starts | positions].
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = ((long) ids[i] << 32) | i;
        Arrays.sort(keys);
        int unique = 0;
        for (int i = 0; i < n; i++) if (i == 0 || (keys[i] >>> 32) != (keys[i - 1] >>> 32)) unique++;
        int[] csr = new int[2 * unique + 1 + n];
        int u = -1;
        for (int i = 0; i < n; i++) {
            int id = (int) (keys[i] >>> 32);
            if (i == 0 || id != (int) (keys[i - 1] >>> 32)) {
                u++;
                csr[u] = id;
                csr[unique + u] = i;
            }
            csr[2 * unique + 1 + i] = (int) keys[i];
        }
        csr[2 * unique] = n;
        ClBuffer cb = uploadInts(csr, csr.length);
        launch1d("embedding_backward", unique * dim, cl(gOut), cb, gt, dim, unique);
        cb.free();
    }

    // ---------------------------------------------------------------- attention

    /**
     * Composed from the matrix kernels: scores = q·kᵀ, a causal softmax in place (scaled, future positions 0), then
     * out = att·v. Computing the masked half of the scores costs flops but keeps the fast kernel.
     */
    @Override
    public synchronized void causalAttention(Buffer q, Buffer k, Buffer v, Buffer att, Buffer out, int bh, int t,
                                             int d, float scale) {
        open();
        if (bh <= 0 || t <= 0) return;
        long td = (long) t * d, tt = (long) t * t;
        matmul(q, k, att, bh, t, t, d, false, true, td, td, tt, false);
        launchRows("causal_softmax", bh * t, t, cl(att), t, scale);
        matmul(att, v, out, bh, t, d, t, false, false, tt, td, td, false);
    }

    @Override
    public synchronized void causalAttentionBackward(Buffer gOut, Buffer q, Buffer k, Buffer v, Buffer att, Buffer gq,
                                                     Buffer gk, Buffer gv, int bh, int t, int d, float scale) {
        open();
        if (bh <= 0 || t <= 0) return;
        long td = (long) t * d, tt = (long) t * t;
        matmul(att, gOut, gv, bh, t, d, t, true, false, tt, td, td, true);          // gv += attᵀ·gOut
        ClBuffer gs = scratch(bh * t * t);
        matmul(gOut, v, gs, bh, t, t, d, false, true, td, td, tt, false);           // gAtt = gOut·vᵀ
        launchRows("causal_softmax_backward", bh * t, t, cl(att), gs, t, scale);  // -> gradient of the scores
        matmul(gs, k, gq, bh, t, d, t, false, false, tt, td, td, true);             // gq += gS·k
        matmul(gs, q, gk, bh, t, d, t, true, false, tt, td, td, true);              // gk += gSᵀ·q
        gs.free();
    }

    // ---------------------------------------------------------------- optimiser

    @Override
    public synchronized void adamw(Buffer param, Buffer grad, Buffer m, Buffer v, int n, float lr, float beta1,
                                   float beta2, float eps, float weightDecay, int step) {
        open();
        float bc1 = (float) (1 - Math.pow(beta1, step));
        float bc2 = (float) (1 - Math.pow(beta2, step));
        launch1d("adamw", n, cl(param), cl(grad), cl(m), cl(v), n, lr, beta1, beta2, eps, weightDecay, bc1, bc2);
    }

    @Override
    public synchronized double sumOfSquares(Buffer x, int n) {
        open();
        if (n <= 0) return 0;
        Kernel k = kernel("sum_squares");
        int local = floorPow2(Math.min(256, k.maxGroup()));
        int groups = Math.max(1, Math.min(Math.min(ceilDiv(n, local * 8), 1024), device.computeUnits() * 8));
        ClBuffer partial = scratch(groups);
        queue.run(k, new long[]{(long) groups * local}, new long[]{local}, null, cl(x), n, partial,
                new ClQueue.Local(4L * local));
        float[] p = new float[groups];
        queue.read(partial, 0, p, 0, groups);
        partial.free();
        double s = 0;
        for (float f : p) s += f;
        return s;
    }

    @Override
    public synchronized void finish() {
        open();
        queue.finish();
    }

    /** Waits for queued work, then releases every buffer, kernel and the context. Tensors of this backend become unusable. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        queue.close();
        memory.close();
        for (Kernel k : kernels.values()) CL10.clReleaseKernel(k.handle());
        CL10.clReleaseProgram(program);
        CL10.clReleaseContext(context);
    }
}
