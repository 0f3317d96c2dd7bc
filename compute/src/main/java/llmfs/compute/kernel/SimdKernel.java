package llmfs.compute.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API implementation behind {@link SimdMatmul}. It is the only matmul class that names
 * {@code jdk.incubator.vector} types, so it must be loaded only after {@link Simd#available()} said yes.
 *
 * <p>Packed GEMM. For each block of columns (NC) and of the shared dimension (KC), a transposed B is copied into
 * strips of NR columns, laid out in the order the micro-kernel reads them and shared by all threads; a B stored
 * k x n already has that layout row by row, so its full strips are read in place (only a ragged last strip is
 * copied, padded with zeros). C is cut
 * into tasks of MC rows (and, when there are too few of those to keep the threads busy, groups of B strips).
 * A task copies its rows of A into strips of MR rows in a buffer of its own thread, then runs the micro-kernel
 * on every (A strip, B strip) pair. Two variations: when column groups would each pack the same rows of A, A is
 * packed once, shared; when there are only one or two B strips (eight when A is stored by rows), packing A costs
 * about as much as the arithmetic it feeds, so the micro-kernel reads A where it lies. Ragged edges are padded with zeros in the
 * packed copies, so the micro-kernel always computes a full MR x NR tile; edge tiles go through a scratch tile
 * and only their valid part is written.
 *
 * <p>The micro-kernel keeps the MR x NR tile of C in registers (MR rows x two vectors) and does one broadcast of
 * A and two FMAs per row for every step of the shared dimension; on hot data it runs at the FMA peak.
 */
final class SimdKernel {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Columns of a micro-tile: two vectors. */
    static final int NR = 2 * L;
    /**
     * Rows of a micro-tile. MR x 2 accumulators plus two B vectors and one broadcast must fit the register
     * file: 8 rows with 512-bit vectors (32 registers), 6 rows for narrower ones (AVX2 has 16).
     */
    static final int MR = S.vectorBitSize() >= 512 ? 8 : 6;
    /**
     * Shared-dimension block. Long blocks mean C is loaded and stored fewer times; the cost is a packed-B strip
     * (KC x NR) larger than L1, which measured cheaper than the extra passes over C. 1024 keeps the GPT's weight
     * gradients (shared dimension = batch x context = 768) and 768-deep products in one block instead of a long
     * one and a short one.
     */
    static final int KC = 1024;
    /** Rows of C per task (a multiple of MR); the task's packed A (MC x KC) stays in its core's L2 cache. */
    static final int MC = MR * 16;
    /** Columns of B packed at once (a multiple of NR), bounding the shared packed-B buffer. */
    static final int NC = NR * 64;
    /** Below this many multiply-adds a product runs on the calling thread only. */
    static final long PARALLEL_MIN_FMAS = 1L << 17;
    /** B strips up to which A is read in place rather than packed (see Block.directA). */
    static final int DIRECT_A_MAX_STRIPS = 2;
    /**
     * The same when A is stored m x k (rows read in place, one contiguous stream per tile row): up to 8 strips the
     * scalar packing of A cost more than the in-place reads, in the narrow products of a transformer layer.
     */
    static final int DIRECT_A_ROWS_MAX_STRIPS = 8;
    /** Rows of A up to which it may be packed once, shared by all tasks (bounds that buffer). */
    static final int SHARED_A_MAX_ROWS = 8 * MC;
    /** Shared-dimension steps copied together when transposing B, so the written rows stay in L1. */
    private static final int PACK_BLOCK = 16;

    /** Buffers of one thread, grown on demand and reused by every call. */
    private static final class Workspace {
        float[] packA = new float[0];
        float[] packB = new float[0];
        float[] sharedA = new float[0];
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    private SimdKernel() {
    }

    static int lanes() {
        return L;
    }

    static int vectorBits() {
        return S.vectorBitSize();
    }

    /** Arguments must have been checked by {@link MatmulArgs#check}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc,
                     boolean accumulate, boolean allowParallel) {
        if (m == 0 || n == 0) return;
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
            return;
        }
        boolean parallel = allowParallel && Parallel.threads() > 1 && (long) m * n * k >= PARALLEL_MIN_FMAS;
        int kcMax = Math.min(KC, k);
        Workspace ws = WORKSPACE.get();
        int packBSize = Math.min(NC, roundUp(n, NR)) * kcMax;
        if (ws.packB.length < packBSize) ws.packB = new float[packBSize];
        // A is packed once for all tasks only when there are few row blocks (see Block.shareA).
        int sharedASize = roundUp(m, MR) * kcMax;
        if (m <= SHARED_A_MAX_ROWS && ws.sharedA.length < sharedASize) ws.sharedA = new float[sharedASize];

        Block blk = new Block(transA, transB, m, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, ws.packB, ws.sharedA,
                parallel);
        for (int jc = 0; jc < n; jc += NC) {
            int nb = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                blk.run(jc, nb, pc, Math.min(KC, k - pc), accumulate || pc > 0);
            }
        }
    }

    static int roundUp(int x, int q) {
        return (x + q - 1) / q * q;
    }

    /** One (all rows) x (NC columns) x (KC depth) block: B is packed, then the tasks of C run. */
    private static final class Block {
        final boolean transA, transB, parallel;
        final int m;
        final float[] a, b, c, packB, sharedA;
        final int aOff, lda, bOff, ldb, cOff, ldc;
        // the current block
        int jc, nb, pc, kb;
        boolean add;
        int bStrips, aStrips, rowTasks, colGroups, stripsPerGroup;
        // With few row blocks the column groups of one row block would each pack the same A: pack it once.
        boolean shareA;
        // With few B strips each element of A is used too few times to repay packing it: the micro-kernel
        // reads A in place instead (its rows when stored m x k, its columns when stored k x m).
        boolean directA;
        // B stored k x n: its rows are already the micro-kernel's rows, so full strips are read in place (packing
        // them cost a fifth of a GPT step's matmul time, mostly the weight gradients' k = 768 products).
        boolean directB;
        int bItems;

        Block(boolean transA, boolean transB, int m, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc, float[] packB, float[] sharedA, boolean parallel) {
            this.transA = transA;
            this.transB = transB;
            this.directB = !transB;
            this.m = m;
            this.a = a;
            this.aOff = aOff;
            this.lda = lda;
            this.b = b;
            this.bOff = bOff;
            this.ldb = ldb;
            this.c = c;
            this.cOff = cOff;
            this.ldc = ldc;
            this.packB = packB;
            this.sharedA = sharedA;
            this.parallel = parallel;
        }

        void run(int jc, int nb, int pc, int kb, boolean add) {
            this.jc = jc;
            this.nb = nb;
            this.pc = pc;
            this.kb = kb;
            this.add = add;
            bStrips = (nb + NR - 1) / NR;
            rowTasks = (m + MC - 1) / MC;
            // Split columns too when there are too few row blocks to keep every thread busy.
            int wanted = parallel ? 4 * Parallel.threads() : 1;
            colGroups = Math.max(1, Math.min(bStrips, (wanted + rowTasks - 1) / rowTasks));
            stripsPerGroup = (bStrips + colGroups - 1) / colGroups;
            colGroups = (bStrips + stripsPerGroup - 1) / stripsPerGroup;
            directA = MR == 8 && (bStrips <= DIRECT_A_MAX_STRIPS || (!transA && bStrips <= DIRECT_A_ROWS_MAX_STRIPS));
            shareA = !directA && colGroups > 1 && m <= SHARED_A_MAX_ROWS;
            aStrips = shareA ? (m + MR - 1) / MR : 0;
            bItems = directB ? (nb % NR != 0 ? 1 : 0) : bStrips;
            int items = bItems + aStrips;
            if (parallel) {
                if (items > 0) Parallel.forRange(items, 2, this::pack);
                Parallel.forRange(rowTasks * colGroups, 1, this::compute);
            } else {
                pack(0, items);
                compute(0, rowTasks * colGroups);
            }
        }

        /**
         * Items {@code [from, to)} of the shared packing: the B strips (with B read in place, only a ragged last
         * strip, packed at the start of the buffer), then (if shared) the A strips.
         */
        void pack(int from, int to) {
            int bTo = Math.min(to, bItems);
            if (from < bTo) {
                if (directB) packB(bStrips - 1, bStrips, bStrips - 1);
                else packB(from, bTo, 0);
            }
            // Consecutive A strips in one call: a transposed A then yields whole cache lines per row (see packA).
            int s0 = Math.max(from, bItems) - bItems, s1 = to - bItems;
            if (s0 < s1) packA(sharedA, s0 * kb * MR, s0 * MR, Math.min(s1 * MR, m) - s0 * MR);
        }

        /**
         * Strips {@code [from, to)} of B: columns jc+s*NR.., laid out p-major: packB[(s-base)*kb*NR + p*NR + j].
         */
        void packB(int from, int to, int base) {
            float[] dst = packB;
            for (int s = from; s < to; s++) {
                int d = (s - base) * kb * NR;
                int j0 = jc + s * NR;
                int cols = Math.min(NR, jc + nb - j0);
                if (!transB) {
                    for (int p = 0; p < kb; p++) {
                        int src = bOff + (pc + p) * ldb + j0;
                        int o = d + p * NR;
                        if (cols == NR) {
                            System.arraycopy(b, src, dst, o, NR); // no per-vector bounds checks, unlike a vector copy
                        } else {
                            for (int j = 0; j < cols; j++) dst[o + j] = b[src + j];
                            for (int j = cols; j < NR; j++) dst[o + j] = 0f;
                        }
                    }
                } else {
                    // B stored n x k: each column of op(B) is a contiguous row of B. Go PACK_BLOCK steps of p
                    // at a time so the destination rows being filled stay in L1.
                    for (int p0 = 0; p0 < kb; p0 += PACK_BLOCK) {
                        int p1 = Math.min(kb, p0 + PACK_BLOCK);
                        for (int j = 0; j < cols; j++) {
                            int src = bOff + (j0 + j) * ldb + pc;
                            for (int p = p0; p < p1; p++) dst[d + p * NR + j] = b[src + p];
                        }
                        for (int p = p0; p < p1; p++) {
                            for (int j = cols; j < NR; j++) dst[d + p * NR + j] = 0f;
                        }
                    }
                }
            }
        }

        /**
         * Rows {@code [i0, i0+rows)} of op(A), columns pc.., into {@code dst} from {@code d} as strips of MR rows,
         * p-major: strip t at {@code d + t*kb*MR}, element (r, p) at {@code + p*MR + r}; rows past the end are 0.
         */
        private void packA(float[] dst, int d, int i0, int rows) {
            int strips = (rows + MR - 1) / MR;
            if (transA) {
                // A stored k x m: row p of A holds the values of all our rows for that p, contiguously.
                for (int p = 0; p < kb; p++) {
                    int src = aOff + (pc + p) * lda + i0;
                    for (int t = 0; t < strips; t++) {
                        int o = d + t * kb * MR + p * MR;
                        int r0 = t * MR;
                        int valid = Math.min(MR, rows - r0);
                        if (valid == MR) {
                            // One block copy instead of MR scalar moves, which were 40% of a weight gradient's time.
                            // (A 256-bit vector copy was as fast on JDK 25, but on JDK 17 a second species in this
                            // class left the micro-kernel uncompiled: the whole product ran 15x slower.)
                            System.arraycopy(a, src + r0, dst, o, MR);
                            continue;
                        }
                        for (int r = 0; r < valid; r++) dst[o + r] = a[src + r0 + r];
                        for (int r = valid; r < MR; r++) dst[o + r] = 0f;
                    }
                }
            } else {
                for (int t = 0; t < strips; t++) {
                    int o = d + t * kb * MR;
                    int r0 = t * MR;
                    int valid = Math.min(MR, rows - r0);
                    for (int r = 0; r < valid; r++) {
                        int src = aOff + (i0 + r0 + r) * lda + pc;
                        for (int p = 0; p < kb; p++) dst[o + p * MR + r] = a[src + p];
                    }
                    for (int r = valid; r < MR; r++) {
                        for (int p = 0; p < kb; p++) dst[o + p * MR + r] = 0f;
                    }
                }
            }
        }

        /** Tasks are (MC rows of C) x (a group of B strips). */
        void compute(int from, int to) {
            Workspace ws = WORKSPACE.get();
            if (!shareA && !directA && ws.packA.length < MC * kb) ws.packA = new float[MC * KC];
            for (int task = from; task < to; task++) {
                int i0 = (task / colGroups) * MC;
                int rows = Math.min(MC, m - i0);
                int q0 = (task % colGroups) * stripsPerGroup;
                int q1 = Math.min(bStrips, q0 + stripsPerGroup);
                float[] packA = null;
                int aBase = 0;
                if (shareA) {
                    packA = sharedA;
                    aBase = i0 / MR * kb * MR;
                } else if (!directA) {
                    packA = ws.packA;
                    packA(packA, 0, i0, rows);
                }
                int stripsHere = (rows + MR - 1) / MR;
                for (int q = q0; q < q1; q++) {
                    int j = q * NR;
                    int cols = Math.min(NR, nb - j);
                    // B read where it lies (its rows are the micro-kernel's rows) or from its packed strip.
                    float[] bArr = packB;
                    int bo = directB ? 0 : q * kb * NR, bs = NR;
                    if (directB && cols == NR) {
                        bArr = b;
                        bo = bOff + pc * ldb + jc + j;
                        bs = ldb;
                    }
                    for (int t = 0; t < stripsHere; t++) {
                        int r = t * MR;
                        int tileRows = Math.min(MR, rows - r);
                        int co = cOff + (i0 + r) * ldc + jc + j;
                        boolean full = tileRows == MR && cols == NR;
                        float[] dst = full ? c : ws.tile;
                        int dOff = full ? co : 0;
                        int dLd = full ? ldc : NR;
                        boolean dAdd = full && add;
                        if (directA && !transA) {
                            microRows(a, aOff + (i0 + r) * lda + pc, lda, tileRows, bArr, bo, bs, kb,
                                    dst, dOff, dLd, dAdd);
                        } else if (directA) {
                            microStrided(a, aOff + pc * lda + i0 + r, lda, tileRows, bArr, bo, bs, kb,
                                    dst, dOff, dLd, dAdd);
                        } else {
                            micro(packA, aBase + t * kb * MR, bArr, bo, bs, kb, dst, dOff, dLd, dAdd);
                        }
                        if (!full) writeEdge(co, tileRows, cols, ws.tile);
                    }
                }
            }
        }

        /** The valid part of an edge tile, computed whole into {@code tile}, written to (or added to) C. */
        private void writeEdge(int co, int rows, int cols, float[] tile) {
            for (int r = 0; r < rows; r++) {
                int cr = co + r * ldc;
                int tr = r * NR;
                if (add) {
                    for (int j = 0; j < cols; j++) c[cr + j] += tile[tr + j];
                } else {
                    for (int j = 0; j < cols; j++) c[cr + j] = tile[tr + j];
                }
            }
        }
    }


    private static void micro(float[] ap, int ao, float[] bp, int bo, int bs, int kb,
                              float[] c, int co, int ldc, boolean add) {
        if (MR == 8) micro8(ap, ao, bp, bo, bs, kb, c, co, ldc, add);
        else micro6(ap, ao, bp, bo, bs, kb, c, co, ldc, add);
    }

    /** An 8 x 2L tile: 16 accumulators. */
    private static void micro8(float[] ap, int ao, float[] bp, int bo, int bs, int kb,
                               float[] c, int co, int ldc, boolean add) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c01 = z;
        FloatVector c10 = z;
        FloatVector c11 = z;
        FloatVector c20 = z;
        FloatVector c21 = z;
        FloatVector c30 = z;
        FloatVector c31 = z;
        FloatVector c40 = z;
        FloatVector c41 = z;
        FloatVector c50 = z;
        FloatVector c51 = z;
        FloatVector c60 = z;
        FloatVector c61 = z;
        FloatVector c70 = z;
        FloatVector c71 = z;
        for (int p = 0; p < kb; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[ao + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[ao + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[ao + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[ao + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            ao += 8;
            bo += bs;
        }
        // Stores are written out here rather than in a helper: passing vectors to a call the JIT does not
        // inline would box them.
        // Each branch stores its own values: merging vectors from two branches into one variable can
        // stop the JIT from keeping them in registers.
        if (add) {
            c00.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.add(FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            c10.add(FloatVector.fromArray(S, c, co + ldc)).intoArray(c, co + ldc);
            c11.add(FloatVector.fromArray(S, c, co + ldc + L)).intoArray(c, co + ldc + L);
            c20.add(FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
            c21.add(FloatVector.fromArray(S, c, co + 2 * ldc + L)).intoArray(c, co + 2 * ldc + L);
            c30.add(FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
            c31.add(FloatVector.fromArray(S, c, co + 3 * ldc + L)).intoArray(c, co + 3 * ldc + L);
            c40.add(FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
            c41.add(FloatVector.fromArray(S, c, co + 4 * ldc + L)).intoArray(c, co + 4 * ldc + L);
            c50.add(FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
            c51.add(FloatVector.fromArray(S, c, co + 5 * ldc + L)).intoArray(c, co + 5 * ldc + L);
            c60.add(FloatVector.fromArray(S, c, co + 6 * ldc)).intoArray(c, co + 6 * ldc);
            c61.add(FloatVector.fromArray(S, c, co + 6 * ldc + L)).intoArray(c, co + 6 * ldc + L);
            c70.add(FloatVector.fromArray(S, c, co + 7 * ldc)).intoArray(c, co + 7 * ldc);
            c71.add(FloatVector.fromArray(S, c, co + 7 * ldc + L)).intoArray(c, co + 7 * ldc + L);
        } else {
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c10.intoArray(c, co + ldc);
            c11.intoArray(c, co + ldc + L);
            c20.intoArray(c, co + 2 * ldc);
            c21.intoArray(c, co + 2 * ldc + L);
            c30.intoArray(c, co + 3 * ldc);
            c31.intoArray(c, co + 3 * ldc + L);
            c40.intoArray(c, co + 4 * ldc);
            c41.intoArray(c, co + 4 * ldc + L);
            c50.intoArray(c, co + 5 * ldc);
            c51.intoArray(c, co + 5 * ldc + L);
            c60.intoArray(c, co + 6 * ldc);
            c61.intoArray(c, co + 6 * ldc + L);
            c70.intoArray(c, co + 7 * ldc);
            c71.intoArray(c, co + 7 * ldc + L);
        }
    }

    /**
     * An 8 x 2L tile reading A in place: row r of the tile is {@code a[o0 + r*rs + p]}, p in [0, kb). Rows at or
     * past {@code rows} repeat the last valid row (always inside A); the caller only keeps the valid rows.
     */
    private static void microRows(float[] a, int o0, int rs, int rows, float[] bp, int bo, int bs, int kb,
                                  float[] c, int co, int ldc, boolean add) {
        int o1 = o0 + Math.min(1, rows - 1) * rs;
        int o2 = o0 + Math.min(2, rows - 1) * rs;
        int o3 = o0 + Math.min(3, rows - 1) * rs;
        int o4 = o0 + Math.min(4, rows - 1) * rs;
        int o5 = o0 + Math.min(5, rows - 1) * rs;
        int o6 = o0 + Math.min(6, rows - 1) * rs;
        int o7 = o0 + Math.min(7, rows - 1) * rs;
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c01 = z;
        FloatVector c10 = z;
        FloatVector c11 = z;
        FloatVector c20 = z;
        FloatVector c21 = z;
        FloatVector c30 = z;
        FloatVector c31 = z;
        FloatVector c40 = z;
        FloatVector c41 = z;
        FloatVector c50 = z;
        FloatVector c51 = z;
        FloatVector c60 = z;
        FloatVector c61 = z;
        FloatVector c70 = z;
        FloatVector c71 = z;
        for (int p = 0; p < kb; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector x;
            x = FloatVector.broadcast(S, a[o0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[o1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[o2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[o3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[o4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[o5 + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[o6 + p]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[o7 + p]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            bo += bs;
        }
        // Each branch stores its own values: merging vectors from two branches into one variable can
        // stop the JIT from keeping them in registers.
        if (add) {
            c00.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.add(FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            c10.add(FloatVector.fromArray(S, c, co + ldc)).intoArray(c, co + ldc);
            c11.add(FloatVector.fromArray(S, c, co + ldc + L)).intoArray(c, co + ldc + L);
            c20.add(FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
            c21.add(FloatVector.fromArray(S, c, co + 2 * ldc + L)).intoArray(c, co + 2 * ldc + L);
            c30.add(FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
            c31.add(FloatVector.fromArray(S, c, co + 3 * ldc + L)).intoArray(c, co + 3 * ldc + L);
            c40.add(FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
            c41.add(FloatVector.fromArray(S, c, co + 4 * ldc + L)).intoArray(c, co + 4 * ldc + L);
            c50.add(FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
            c51.add(FloatVector.fromArray(S, c, co + 5 * ldc + L)).intoArray(c, co + 5 * ldc + L);
            c60.add(FloatVector.fromArray(S, c, co + 6 * ldc)).intoArray(c, co + 6 * ldc);
            c61.add(FloatVector.fromArray(S, c, co + 6 * ldc + L)).intoArray(c, co + 6 * ldc + L);
            c70.add(FloatVector.fromArray(S, c, co + 7 * ldc)).intoArray(c, co + 7 * ldc);
            c71.add(FloatVector.fromArray(S, c, co + 7 * ldc + L)).intoArray(c, co + 7 * ldc + L);
        } else {
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c10.intoArray(c, co + ldc);
            c11.intoArray(c, co + ldc + L);
            c20.intoArray(c, co + 2 * ldc);
            c21.intoArray(c, co + 2 * ldc + L);
            c30.intoArray(c, co + 3 * ldc);
            c31.intoArray(c, co + 3 * ldc + L);
            c40.intoArray(c, co + 4 * ldc);
            c41.intoArray(c, co + 4 * ldc + L);
            c50.intoArray(c, co + 5 * ldc);
            c51.intoArray(c, co + 5 * ldc + L);
            c60.intoArray(c, co + 6 * ldc);
            c61.intoArray(c, co + 6 * ldc + L);
            c70.intoArray(c, co + 7 * ldc);
            c71.intoArray(c, co + 7 * ldc + L);
        }
    }

    /**
     * An 8 x 2L tile reading a transposed A in place: row r of the tile is {@code a[o0 + r + p*ps]}, p in
     * [0, kb). Rows at or past {@code rows} repeat the last valid row; the caller only keeps the valid rows.
     */
    private static void microStrided(float[] a, int o0, int ps, int rows, float[] bp, int bo, int bs, int kb,
                                     float[] c, int co, int ldc, boolean add) {
        int d1 = Math.min(1, rows - 1);
        int d2 = Math.min(2, rows - 1);
        int d3 = Math.min(3, rows - 1);
        int d4 = Math.min(4, rows - 1);
        int d5 = Math.min(5, rows - 1);
        int d6 = Math.min(6, rows - 1);
        int d7 = Math.min(7, rows - 1);
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c01 = z;
        FloatVector c10 = z;
        FloatVector c11 = z;
        FloatVector c20 = z;
        FloatVector c21 = z;
        FloatVector c30 = z;
        FloatVector c31 = z;
        FloatVector c40 = z;
        FloatVector c41 = z;
        FloatVector c50 = z;
        FloatVector c51 = z;
        FloatVector c60 = z;
        FloatVector c61 = z;
        FloatVector c70 = z;
        FloatVector c71 = z;
        int ao = o0;
        for (int p = 0; p < kb; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector x;
            x = FloatVector.broadcast(S, a[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ao + d1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ao + d2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ao + d3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ao + d4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ao + d5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ao + d6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ao + d7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            ao += ps;
            bo += bs;
        }
        // Each branch stores its own values: merging vectors from two branches into one variable can
        // stop the JIT from keeping them in registers.
        if (add) {
            c00.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.add(FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            c10.add(FloatVector.fromArray(S, c, co + ldc)).intoArray(c, co + ldc);
            c11.add(FloatVector.fromArray(S, c, co + ldc + L)).intoArray(c, co + ldc + L);
            c20.add(FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
            c21.add(FloatVector.fromArray(S, c, co + 2 * ldc + L)).intoArray(c, co + 2 * ldc + L);
            c30.add(FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
            c31.add(FloatVector.fromArray(S, c, co + 3 * ldc + L)).intoArray(c, co + 3 * ldc + L);
            c40.add(FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
            c41.add(FloatVector.fromArray(S, c, co + 4 * ldc + L)).intoArray(c, co + 4 * ldc + L);
            c50.add(FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
            c51.add(FloatVector.fromArray(S, c, co + 5 * ldc + L)).intoArray(c, co + 5 * ldc + L);
            c60.add(FloatVector.fromArray(S, c, co + 6 * ldc)).intoArray(c, co + 6 * ldc);
            c61.add(FloatVector.fromArray(S, c, co + 6 * ldc + L)).intoArray(c, co + 6 * ldc + L);
            c70.add(FloatVector.fromArray(S, c, co + 7 * ldc)).intoArray(c, co + 7 * ldc);
            c71.add(FloatVector.fromArray(S, c, co + 7 * ldc + L)).intoArray(c, co + 7 * ldc + L);
        } else {
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c10.intoArray(c, co + ldc);
            c11.intoArray(c, co + ldc + L);
            c20.intoArray(c, co + 2 * ldc);
            c21.intoArray(c, co + 2 * ldc + L);
            c30.intoArray(c, co + 3 * ldc);
            c31.intoArray(c, co + 3 * ldc + L);
            c40.intoArray(c, co + 4 * ldc);
            c41.intoArray(c, co + 4 * ldc + L);
            c50.intoArray(c, co + 5 * ldc);
            c51.intoArray(c, co + 5 * ldc + L);
            c60.intoArray(c, co + 6 * ldc);
            c61.intoArray(c, co + 6 * ldc + L);
            c70.intoArray(c, co + 7 * ldc);
            c71.intoArray(c, co + 7 * ldc + L);
        }
    }

    /** A 6 x 2L tile: 12 accumulators, for machines with 16 vector registers. */
    private static void micro6(float[] ap, int ao, float[] bp, int bo, int bs, int kb,
                               float[] c, int co, int ldc, boolean add) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c01 = z;
        FloatVector c10 = z;
        FloatVector c11 = z;
        FloatVector c20 = z;
        FloatVector c21 = z;
        FloatVector c30 = z;
        FloatVector c31 = z;
        FloatVector c40 = z;
        FloatVector c41 = z;
        FloatVector c50 = z;
        FloatVector c51 = z;
        for (int p = 0; p < kb; p++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[ao + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[ao + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            ao += 6;
            bo += bs;
        }
        // Stores are written out here rather than in a helper: passing vectors to a call the JIT does not
        // inline would box them.
        // Each branch stores its own values: merging vectors from two branches into one variable can
        // stop the JIT from keeping them in registers.
        if (add) {
            c00.add(FloatVector.fromArray(S, c, co)).intoArray(c, co);
            c01.add(FloatVector.fromArray(S, c, co + L)).intoArray(c, co + L);
            c10.add(FloatVector.fromArray(S, c, co + ldc)).intoArray(c, co + ldc);
            c11.add(FloatVector.fromArray(S, c, co + ldc + L)).intoArray(c, co + ldc + L);
            c20.add(FloatVector.fromArray(S, c, co + 2 * ldc)).intoArray(c, co + 2 * ldc);
            c21.add(FloatVector.fromArray(S, c, co + 2 * ldc + L)).intoArray(c, co + 2 * ldc + L);
            c30.add(FloatVector.fromArray(S, c, co + 3 * ldc)).intoArray(c, co + 3 * ldc);
            c31.add(FloatVector.fromArray(S, c, co + 3 * ldc + L)).intoArray(c, co + 3 * ldc + L);
            c40.add(FloatVector.fromArray(S, c, co + 4 * ldc)).intoArray(c, co + 4 * ldc);
            c41.add(FloatVector.fromArray(S, c, co + 4 * ldc + L)).intoArray(c, co + 4 * ldc + L);
            c50.add(FloatVector.fromArray(S, c, co + 5 * ldc)).intoArray(c, co + 5 * ldc);
            c51.add(FloatVector.fromArray(S, c, co + 5 * ldc + L)).intoArray(c, co + 5 * ldc + L);
        } else {
            c00.intoArray(c, co);
            c01.intoArray(c, co + L);
            c10.intoArray(c, co + ldc);
            c11.intoArray(c, co + ldc + L);
            c20.intoArray(c, co + 2 * ldc);
            c21.intoArray(c, co + 2 * ldc + L);
            c30.intoArray(c, co + 3 * ldc);
            c31.intoArray(c, co + 3 * ldc + L);
            c40.intoArray(c, co + 4 * ldc);
            c41.intoArray(c, co + 4 * ldc + L);
            c50.intoArray(c, co + 5 * ldc);
            c51.intoArray(c, co + 5 * ldc + L);
        }
    }
}
