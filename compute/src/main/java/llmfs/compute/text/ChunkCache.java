package llmfs.compute.text;

import java.util.Arrays;

/**
 * Remembers the encoding of chunks already seen during one encode call, keyed by the chunk's symbols.
 *
 * <p>Keys and values live in two flat int pools and the table is open-addressed, so a lookup costs a hash
 * and one array comparison, with no allocation. The cache stops accepting entries once full rather than
 * evicting: natural text repeats its common chunks early.
 */
final class ChunkCache {
    private final int maxEntries;
    private final int mask;
    private final int[] slotHash;
    private final int[] slotEntry; // entry index + 1, 0 = empty
    private int[] keyStart = new int[256];
    private int[] keyLength = new int[256];
    private int[] valueStart = new int[256];
    private int[] valueLength = new int[256];
    private int entries;
    private int[] keyPool = new int[4096];
    private int keyPoolSize;
    private int[] valuePool = new int[4096];
    private int valuePoolSize;

    /** A cache holding at most {@code maxEntries} chunks, rounded up to a power of two. */
    ChunkCache(int maxEntries) {
        this.maxEntries = Integer.highestOneBit(Math.max(16, maxEntries - 1)) << 1;
        int slots = this.maxEntries << 1; // at most half full, so probe runs stay short
        mask = slots - 1;
        slotHash = new int[slots];
        slotEntry = new int[slots];
    }

    static int hash(int[] symbols, int from, int to) {
        int h = 0x2545F491;
        for (int i = from; i < to; i++) {
            h = (h ^ symbols[i]) * 0x9E3779B1;
        }
        return h ^ (h >>> 15);
    }

    /** If {@code symbols[from..to)} is cached, emits its tokens into {@code w} and returns true. */
    boolean emitCached(int[] symbols, int from, int to, int hash, BpeEncoder.Work w) {
        int len = to - from;
        for (int s = hash & mask; slotEntry[s] != 0; s = (s + 1) & mask) {
            if (slotHash[s] != hash) {
                continue;
            }
            int e = slotEntry[s] - 1;
            if (keyLength[e] == len
                    && Arrays.equals(keyPool, keyStart[e], keyStart[e] + len, symbols, from, to)) {
                int vs = valueStart[e];
                for (int k = 0; k < valueLength[e]; k++) {
                    w.emit(valuePool[vs + k]);
                }
                return true;
            }
        }
        return false;
    }

    /** Stores the encoding {@code tokens[tokensFrom..+count)} of the chunk {@code symbols[from..to)}. */
    void put(int[] symbols, int from, int to, int hash, int[] tokens, int tokensFrom, int count) {
        if (entries == maxEntries) {
            return;
        }
        int len = to - from;
        if (entries == keyStart.length) {
            int cap = entries * 2;
            keyStart = Arrays.copyOf(keyStart, cap);
            keyLength = Arrays.copyOf(keyLength, cap);
            valueStart = Arrays.copyOf(valueStart, cap);
            valueLength = Arrays.copyOf(valueLength, cap);
        }
        if (keyPoolSize + len > keyPool.length) {
            keyPool = Arrays.copyOf(keyPool, Math.max(keyPool.length * 2, keyPoolSize + len));
        }
        if (valuePoolSize + count > valuePool.length) {
            valuePool = Arrays.copyOf(valuePool, Math.max(valuePool.length * 2, valuePoolSize + count));
        }
        System.arraycopy(symbols, from, keyPool, keyPoolSize, len);
        System.arraycopy(tokens, tokensFrom, valuePool, valuePoolSize, count);
        int e = entries++;
        keyStart[e] = keyPoolSize;
        keyLength[e] = len;
        valueStart[e] = valuePoolSize;
        valueLength[e] = count;
        keyPoolSize += len;
        valuePoolSize += count;
        int s = hash & mask;
        while (slotEntry[s] != 0) {
            s = (s + 1) & mask;
        }
        slotHash[s] = hash;
        slotEntry[s] = e + 1;
    }
}
