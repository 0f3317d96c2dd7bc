package llmfs.compute.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fast BPE training that learns exactly the merges {@link NaiveBpe} learns, counts and tie-breaks included.
 *
 * <p>Instead of recounting all pairs after each merge, it updates counts only where a merge happened:
 * <ul>
 *   <li>The token sequence is a doubly linked list over the original positions; a merged token keeps the
 *       position of its left part, so positions stay in sequence order forever.</li>
 *   <li>Each distinct pair keeps its exact count (overlaps included, like the naive count) and the list of
 *       positions where it was ever seen. Entries go stale when a merge destroys the pair there; they are
 *       skipped lazily, because a destroyed pair never comes back at the same position (the ids at a
 *       position only ever grow).</li>
 *   <li>Every pair is born in a single step (initially, or in the step that created the newest token it
 *       contains, always at increasing positions), so each position list is sorted. The pair's first
 *       occurrence is therefore its first non-stale entry, found by moving a head pointer forward.</li>
 *   <li>After its birth step a pair's count only falls and its first occurrence only moves right, so its
 *       priority (count, then earliest first occurrence) only falls. A max-heap holding possibly outdated,
 *       never too low priorities is then enough: an entry popped whose priority is still current is the true
 *       winner; an outdated one is pushed back with its current priority.</li>
 * </ul>
 */
final class BpeTrainer {
    private static final int[] EMPTY = new int[0];

    private final int[] tok;
    private final int[] next;
    private final int[] prev;

    // Per pair id: its two token ids, exact count, and positions (sorted, some stale) with a head pointer.
    private int[] pairLeft = new int[1024];
    private int[] pairRight = new int[1024];
    private int[] pairCount = new int[1024];
    private int[][] pairPos = new int[1024][];
    private int[] pairPosSize = new int[1024];
    private int[] pairHead = new int[1024];
    private int pairs;
    private final LongIntMap pairIds;

    // Max-heap of (priority, pair id).
    private long[] heapKey = new long[1024];
    private int[] heapPair = new int[1024];
    private int heapSize;

    private BpeTrainer(int[] symbols) {
        int n = symbols.length;
        tok = symbols.clone();
        next = new int[n];
        prev = new int[n];
        for (int i = 0; i < n; i++) {
            next[i] = i + 1 < n ? i + 1 : -1;
            prev[i] = i - 1;
        }
        pairIds = new LongIntMap(1 << 12);
    }

    /**
     * Learns up to {@code maxMerges} merges over {@code symbols} (base ids {@code 0..baseSize-1}); merge
     * {@code i} creates id {@code baseSize + i}. Stops early when no adjacent pair is left.
     */
    static List<BpeTokenizer.Merge> train(int[] symbols, int baseSize, int maxMerges,
                                          BpeTokenizer.Listener listener) {
        BpeTrainer t = new BpeTrainer(symbols);
        t.indexInitialPairs(symbols, baseSize);
        for (int p = 0; p < t.pairs; p++) {
            t.push(p, t.priority(p));
        }
        List<BpeTokenizer.Merge> merges = new ArrayList<>(Math.min(maxMerges, symbols.length));
        for (int m = 0; m < maxMerges; m++) {
            int best = t.popBest();
            if (best < 0) {
                break;
            }
            BpeTokenizer.Merge merge = new BpeTokenizer.Merge(t.pairLeft[best], t.pairRight[best], baseSize + m,
                    t.pairCount[best]);
            t.apply(best, merge.id());
            merges.add(merge);
            if (listener != null) {
                listener.onMerge(m, maxMerges, merge);
            }
        }
        return merges;
    }

    /**
     * Registers every adjacent pair of the input with its positions. Two passes (count, then fill) so each
     * position list is allocated once at its final size; small alphabets use a direct table instead of hashing.
     */
    private void indexInitialPairs(int[] symbols, int baseSize) {
        int n = symbols.length;
        int[] pairAt = new int[Math.max(0, n - 1)];
        if ((long) baseSize * baseSize <= 1 << 20) {
            int[] table = new int[baseSize * baseSize];
            Arrays.fill(table, -1);
            for (int i = 0; i + 1 < n; i++) {
                int cell = symbols[i] * baseSize + symbols[i + 1];
                int p = table[cell];
                if (p < 0) {
                    p = pairId(symbols[i], symbols[i + 1]);
                    table[cell] = p;
                }
                pairAt[i] = p;
            }
        } else {
            for (int i = 0; i + 1 < n; i++) {
                pairAt[i] = pairId(symbols[i], symbols[i + 1]);
            }
        }
        for (int p : pairAt) {
            pairCount[p]++;
        }
        for (int p = 0; p < pairs; p++) {
            pairPos[p] = new int[pairCount[p]];
        }
        for (int i = 0; i < pairAt.length; i++) {
            int p = pairAt[i];
            pairPos[p][pairPosSize[p]++] = i;
        }
    }

    /** Replaces every occurrence of pair {@code p}, left to right without overlaps, by token {@code z}. */
    private void apply(int p, int z) {
        int a = pairLeft[p];
        int b = pairRight[p];
        int firstNewPair = pairs;
        int[] positions = pairPos[p];
        int size = pairPosSize[p];
        for (int k = pairHead[p]; k < size; k++) {
            int i = positions[k];
            int j = next[i];
            // Stale, or consumed by the previous occurrence in a run such as "a a a".
            if (tok[i] != a || j < 0 || tok[j] != b) {
                continue;
            }
            int left = prev[i];
            int right = next[j];
            if (left >= 0) {
                pairCount[pairId(tok[left], a)]--;
                addOccurrence(pairId(tok[left], z), left);
            }
            if (right >= 0) {
                pairCount[pairId(b, tok[right])]--;
                addOccurrence(pairId(z, tok[right]), i);
            }
            pairCount[p]--;
            tok[i] = z;
            tok[j] = -1;
            next[i] = right;
            if (right >= 0) {
                prev[right] = i;
            }
        }
        pairPos[p] = null; // this pair can never occur again
        // Pairs born in this step are final now; only from here on do their priorities only fall.
        for (int q = firstNewPair; q < pairs; q++) {
            if (pairCount[q] > 0) {
                push(q, priority(q));
            }
        }
    }

    private int popBest() {
        while (heapSize > 0) {
            int p = heapPair[0];
            long key = heapKey[0];
            removeTop();
            if (pairCount[p] == 0) {
                continue;
            }
            long current = priority(p);
            if (current == key) {
                return p;
            }
            push(p, current);
        }
        return -1;
    }

    /** Higher count first; for equal counts, the earlier first occurrence. */
    private long priority(int p) {
        return ((long) pairCount[p] << 32) | (Integer.MAX_VALUE - firstOccurrence(p));
    }

    private int firstOccurrence(int p) {
        int[] positions = pairPos[p];
        int k = pairHead[p];
        int a = pairLeft[p];
        int b = pairRight[p];
        while (true) {
            int i = positions[k];
            int j = next[i];
            if (tok[i] == a && j >= 0 && tok[j] == b) {
                pairHead[p] = k;
                return i;
            }
            k++;
        }
    }

    private int pairId(int left, int right) {
        long key = LongIntMap.pair(left, right);
        int id = pairIds.get(key, -1);
        if (id >= 0) {
            return id;
        }
        id = pairs++;
        if (id == pairLeft.length) {
            int cap = id * 2;
            pairLeft = Arrays.copyOf(pairLeft, cap);
            pairRight = Arrays.copyOf(pairRight, cap);
            pairCount = Arrays.copyOf(pairCount, cap);
            pairPos = Arrays.copyOf(pairPos, cap);
            pairPosSize = Arrays.copyOf(pairPosSize, cap);
            pairHead = Arrays.copyOf(pairHead, cap);
        }
        pairLeft[id] = left;
        pairRight[id] = right;
        pairPos[id] = EMPTY;
        pairIds.put(key, id);
        return id;
    }

    private void addOccurrence(int p, int position) {
        pairCount[p]++;
        int[] positions = pairPos[p];
        int size = pairPosSize[p];
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, Math.max(4, size * 2));
            pairPos[p] = positions;
        }
        positions[size] = position;
        pairPosSize[p] = size + 1;
    }

    private void push(int p, long key) {
        if (heapSize == heapKey.length) {
            heapKey = Arrays.copyOf(heapKey, heapSize * 2);
            heapPair = Arrays.copyOf(heapPair, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapKey[parent] >= key) {
                break;
            }
            heapKey[i] = heapKey[parent];
            heapPair[i] = heapPair[parent];
            i = parent;
        }
        heapKey[i] = key;
        heapPair[i] = p;
    }

    private void removeTop() {
        int last = --heapSize;
        if (last == 0) {
            return;
        }
        long key = heapKey[last];
        int p = heapPair[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && heapKey[child + 1] > heapKey[child]) {
                child++;
            }
            if (heapKey[child] <= key) {
                break;
            }
            heapKey[i] = heapKey[child];
            heapPair[i] = heapPair[child];
            i = child;
        }
        heapKey[i] = key;
        heapPair[i] = p;
    }
}
