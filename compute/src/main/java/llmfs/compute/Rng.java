package llmfs.compute;

/**
 * The one seeded random number generator of the project (xoshiro256** seeded through splitmix64).
 *
 * <p>Every random decision — data shuffles, splits, weight init, dropout masks, sampling — draws from an
 * {@code Rng} that was created from an explicit seed, so a run is reproducible from its seed alone. It is
 * deliberately not thread-safe: give each thread its own instance via {@link #fork()}.
 */
public final class Rng {
    private long s0, s1, s2, s3;
    private double spareGaussian;
    private boolean hasSpare;

    public Rng(long seed) {
        long x = seed;
        s0 = splitmix(x += 0x9E3779B97F4A7C15L);
        s1 = splitmix(x += 0x9E3779B97F4A7C15L);
        s2 = splitmix(x += 0x9E3779B97F4A7C15L);
        s3 = splitmix(x + 0x9E3779B97F4A7C15L);
    }

    private static long splitmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, 1) with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [lo, hi). */
    public float uniform(float lo, float hi) {
        return lo + (hi - lo) * nextFloat();
    }

    /** Uniform integer in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
        long r = nextLong() >>> 33; // 31 random bits
        long m = r * bound;
        int l = (int) (m & 0x7FFFFFFFL);
        if (l < bound) {
            int threshold = (int) ((0x80000000L - bound) % bound);
            while (l < threshold) {
                r = nextLong() >>> 33;
                m = r * bound;
                l = (int) (m & 0x7FFFFFFFL);
            }
        }
        return (int) (m >>> 31);
    }

    /** Standard normal deviate (Marsaglia polar method). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double mul = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * mul;
        hasSpare = true;
        return u * mul;
    }

    /** Fisher–Yates shuffle in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Fisher–Yates shuffle in place. */
    public <T> void shuffle(java.util.List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** 0..n-1 in a random order. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        shuffle(p);
        return p;
    }

    /**
     * The generator's whole state (four xoshiro words, then the cached second Gaussian deviate), so a checkpoint can
     * continue the exact same stream (e.g. dropout masks) after a resume.
     */
    public long[] state() {
        return new long[]{s0, s1, s2, s3, hasSpare ? 1 : 0, Double.doubleToRawLongBits(spareGaussian)};
    }

    /** Continues from a state saved by {@link #state()}. */
    public void restoreState(long[] st) {
        if (st.length != 6) throw new IllegalArgumentException("an Rng state has 6 numbers, got " + st.length);
        if ((st[0] | st[1] | st[2] | st[3]) == 0) throw new IllegalArgumentException("an all-zero Rng state is invalid");
        s0 = st[0];
        s1 = st[1];
        s2 = st[2];
        s3 = st[3];
        hasSpare = st[4] != 0;
        spareGaussian = Double.longBitsToDouble(st[5]);
    }

    /** An independent generator derived from this one (for another thread or sub-task). */
    public Rng fork() {
        return new Rng(nextLong());
    }
}
