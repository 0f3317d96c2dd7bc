package llmfs.compute.text;

import java.util.Arrays;
import java.util.List;

/**
 * Fast BPE encoding that gives exactly the result of applying every merge, in learned order, over the whole
 * symbol sequence ({@link NaiveBpe#applyMerges}).
 *
 * <p><b>Chunks.</b> A merged token spanning the boundary between adjacent symbols {@code x y} would contain
 * {@code x y} next to each other, and every adjacent pair inside a token is the junction (last symbol of the
 * left part, first symbol of the right part) of one of the merges that built it. So a boundary whose pair is
 * no merge's junction is never crossed, and the text splits there into chunks that encode independently.
 * (Caching the encodings of repeated chunks was tried and measured: on Tiny Shakespeare it gained nothing,
 * because short chunks encode faster than a cache lookup and long ones rarely repeat.)
 *
 * <p><b>Within a chunk.</b> After all merges of rank below {@code r} have been applied, no pair of rank below
 * {@code r} is present (merge {@code r} only creates pairs containing its new token, and those pairs were
 * learned later). Applying merges in rank order is therefore the same as repeatedly merging the lowest-rank
 * pair present, and among its occurrences the leftmost one. Short chunks find it by a plain scan; longer ones
 * use a min-tree over the chunk's positions, keyed by (rank of the pair starting there, position), which holds
 * that pair at its root; a merge changes three leaves.
 */
final class BpeEncoder {
    private static final long NONE = Long.MAX_VALUE;
    private static final int SCAN_MAX = 32;
    private static final int DENSE_BASE_LIMIT = 512;

    private final int baseSize;
    private final LongIntMap rankOf;
    private final int[] baseRank;          // rank of each pair of base symbols, baseSize x baseSize, or null
    private final boolean[] junctionTable; // baseSize x baseSize when small enough
    private final LongIntMap junctionSet;  // otherwise

    BpeEncoder(int baseSize, List<BpeTokenizer.Merge> merges) {
        this.baseSize = baseSize;
        int m = merges.size();
        rankOf = new LongIntMap(Math.max(16, 2 * m)); // mostly misses are looked up: keep probes short
        int[] firstSymbol = new int[baseSize + m];
        int[] lastSymbol = new int[baseSize + m];
        for (int s = 0; s < baseSize; s++) {
            firstSymbol[s] = s;
            lastSymbol[s] = s;
        }
        boolean dense = baseSize <= DENSE_BASE_LIMIT;
        baseRank = dense ? new int[baseSize * baseSize] : null;
        if (dense) {
            Arrays.fill(baseRank, -1);
        }
        junctionTable = dense ? new boolean[baseSize * baseSize] : null;
        junctionSet = dense ? null : new LongIntMap(Math.max(16, m));
        for (int r = 0; r < m; r++) {
            BpeTokenizer.Merge merge = merges.get(r);
            rankOf.put(LongIntMap.pair(merge.left(), merge.right()), r);
            if (dense && merge.left() < baseSize && merge.right() < baseSize) {
                baseRank[merge.left() * baseSize + merge.right()] = r;
            }
            int z = baseSize + r;
            firstSymbol[z] = firstSymbol[merge.left()];
            lastSymbol[z] = lastSymbol[merge.right()];
            int x = lastSymbol[merge.left()];
            int y = firstSymbol[merge.right()];
            if (dense) {
                junctionTable[x * baseSize + y] = true;
            } else {
                junctionSet.put(LongIntMap.pair(x, y), 1);
            }
        }
    }

    private boolean isJunction(int x, int y) {
        return junctionTable != null ? junctionTable[x * baseSize + y]
                : junctionSet.containsKey(LongIntMap.pair(x, y));
    }

    /** Encodes base symbol ids {@code symbols[0..length)} into token ids. */
    int[] encode(int[] symbols, int length) {
        Work w = new Work(length);
        int start = 0;
        for (int i = 1; i <= length; i++) {
            if (i == length || !isJunction(symbols[i - 1], symbols[i])) {
                encodeChunk(symbols, start, i, w);
                start = i;
            }
        }
        return Arrays.copyOf(w.out, w.outSize);
    }

    private void encodeChunk(int[] symbols, int from, int to, Work w) {
        int k = to - from;
        if (k == 1) {
            w.emit(symbols[from]);
            return;
        }
        if (k <= SCAN_MAX) {
            scanChunk(symbols, from, k, w);
            return;
        }
        mergeChunk(symbols, from, k, w);
    }

    private int baseOrMergedRank(int a, int b) {
        return baseRank != null && a < baseSize && b < baseSize ? baseRank[a * baseSize + b] : rank(a, b);
    }

    /**
     * The same merges as {@link #mergeChunk} for a short chunk: find the lowest rank (leftmost on ties) by a
     * plain scan and close the gap by shifting. Quadratic, but for a handful of tokens that beats a tree.
     */
    private void scanChunk(int[] symbols, int from, int k, Work w) {
        int[] tok = w.smallTok;
        int[] rank = w.smallRank;
        System.arraycopy(symbols, from, tok, 0, k);
        for (int i = 0; i + 1 < k; i++) {
            int r = baseOrMergedRank(tok[i], tok[i + 1]);
            rank[i] = r < 0 ? Integer.MAX_VALUE : r;
        }
        int n = k;
        while (n > 1) {
            int best = 0;
            for (int i = 1; i + 1 < n; i++) {
                if (rank[i] < rank[best]) {
                    best = i;
                }
            }
            int r = rank[best];
            if (r == Integer.MAX_VALUE) {
                break;
            }
            int z = baseSize + r;
            tok[best] = z;
            n--;
            for (int i = best + 1; i < n; i++) {
                tok[i] = tok[i + 1];
                rank[i] = rank[i + 1];
            }
            if (best + 1 < n) {
                int nr = rank(z, tok[best + 1]);
                rank[best] = nr < 0 ? Integer.MAX_VALUE : nr;
            }
            if (best > 0) {
                int nr = rank(tok[best - 1], z);
                rank[best - 1] = nr < 0 ? Integer.MAX_VALUE : nr;
            }
        }
        for (int i = 0; i < n; i++) {
            w.emit(tok[i]);
        }
    }

    private int rank(int left, int right) {
        return rankOf.get(LongIntMap.pair(left, right), -1);
    }

    private static long key(int rank, int position) {
        return rank < 0 ? NONE : ((long) rank << 32) | position;
    }

    private void mergeChunk(int[] symbols, int from, int k, Work w) {
        int size = Integer.highestOneBit(k * 2 - 1); // leaves for all k positions
        w.ensure(k, size);
        int[] tok = w.tok;
        int[] next = w.next;
        int[] prev = w.prev;
        long[] tree = w.tree;
        System.arraycopy(symbols, from, tok, 0, k);
        for (int i = 0; i < k; i++) {
            next[i] = i + 1;
            prev[i] = i - 1;
        }
        next[k - 1] = -1;
        // Leaf i (at tree[size + i]) holds the pair starting at position i, if it has a rank.
        for (int i = 0; i + 1 < k; i++) {
            int r = baseOrMergedRank(tok[i], tok[i + 1]);
            tree[size + i] = key(r, i);
        }
        Arrays.fill(tree, size + k - 1, 2 * size, NONE);
        for (int n = size - 1; n >= 1; n--) {
            tree[n] = Math.min(tree[2 * n], tree[2 * n + 1]);
        }
        while (tree[1] != NONE) {
            long top = tree[1];
            int r = (int) (top >>> 32);
            int i = (int) top;
            int j = next[i];
            int z = baseSize + r;
            int right = next[j];
            tok[i] = z;
            next[i] = right;
            if (right >= 0) {
                prev[right] = i;
            }
            // Leaf i held the minimum, so its whole path to the root must be recomputed; the leaves of j and
            // of the left neighbour only need fixing up to where their paths join that path.
            int leafI = size + i;
            tree[leafI] = right >= 0 ? key(rank(z, tok[right]), i) : NONE;
            if (tree[size + j] != NONE) {
                tree[size + j] = NONE;
                raise(tree, size + j, leafI);
            }
            int left = prev[i];
            if (left >= 0) {
                long before = tree[size + left];
                long after = key(rank(tok[left], z), left);
                if (after != before) {
                    tree[size + left] = after;
                    raise(tree, size + left, leafI);
                }
            }
            for (int n = leafI >>> 1; n >= 1; n >>>= 1) {
                tree[n] = Math.min(tree[2 * n], tree[2 * n + 1]);
            }
        }
        for (int i = 0; i >= 0; i = next[i]) {
            w.emit(tok[i]);
        }
    }

    /**
     * Recomputes the ancestors of {@code node} until reaching an ancestor of {@code leaf} (left for the caller
     * to recompute) or a node whose value does not change.
     */
    private static void raise(long[] tree, int node, int leaf) {
        for (int n = node >>> 1, l = leaf >>> 1; n != l; n >>>= 1, l >>>= 1) {
            long m = Math.min(tree[2 * n], tree[2 * n + 1]);
            if (tree[n] == m) {
                return;
            }
            tree[n] = m;
        }
    }

    /** Scratch space and output of one {@link #encode} call, so concurrent calls share nothing. */
    static final class Work {
        int[] out;
        int outSize;
        int[] tok = new int[64];
        int[] next = new int[64];
        int[] prev = new int[64];
        long[] tree = new long[128];
        final int[] smallTok = new int[SCAN_MAX];
        final int[] smallRank = new int[SCAN_MAX];

        Work(int length) {
            out = new int[Math.max(16, length / 2)];
        }

        void emit(int id) {
            if (outSize == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[outSize++] = id;
        }

        void ensure(int k, int treeLeaves) {
            if (tok.length < k) {
                int cap = Math.max(k, tok.length * 2);
                tok = new int[cap];
                next = new int[cap];
                prev = new int[cap];
            }
            if (tree.length < 2 * treeLeaves) {
                tree = new long[2 * treeLeaves];
            }
        }
    }
}
