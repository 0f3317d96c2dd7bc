package llmfs.compute.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import llmfs.compute.Rng;

/**
 * A seeded train/validation split by item: each item (for names, each name) lands wholly in one part, so
 * validation measures how well a model does on names it never trained on, not on windows of names it has seen.
 *
 * <p>The split only decides membership: inside each part the items keep their input order (shuffling for
 * training is the training loop's job). Equal items at different positions count as different items; remove
 * duplicates first if the same value must not appear on both sides.
 *
 * @param <T> item type
 */
public final class Split<T> {
    private final List<T> train;
    private final List<T> val;

    private Split(List<T> train, List<T> val) {
        this.train = Collections.unmodifiableList(train);
        this.val = Collections.unmodifiableList(val);
    }

    /**
     * Splits {@code items}: {@code round(size * valFraction)} of them, chosen by a random permutation drawn from
     * {@code new Rng(seed)}, form the validation part and the rest the training part. The same items, fraction
     * and seed always give the same split.
     *
     * @param valFraction in [0, 1)
     * @throws IllegalArgumentException if {@code valFraction} is outside [0, 1)
     */
    public static <T> Split<T> of(List<T> items, double valFraction, long seed) {
        if (!(valFraction >= 0 && valFraction < 1)) {
            throw new IllegalArgumentException("valFraction must be in [0, 1), got " + valFraction
                    + "; 0.1 keeps a tenth of the items for validation.");
        }
        int n = items.size();
        int nVal = (int) Math.round(n * valFraction);
        boolean[] inVal = new boolean[n];
        int[] order = new Rng(seed).permutation(n);
        for (int i = 0; i < nVal; i++) inVal[order[i]] = true;
        List<T> train = new ArrayList<>(n - nVal);
        List<T> val = new ArrayList<>(nVal);
        for (int i = 0; i < n; i++) (inVal[i] ? val : train).add(items.get(i));
        return new Split<>(train, val);
    }

    /** The training items, in input order (unmodifiable). */
    public List<T> train() {
        return train;
    }

    /** The validation items, in input order (unmodifiable). */
    public List<T> val() {
        return val;
    }

    @Override
    public String toString() {
        return "Split[train " + train.size() + ", val " + val.size() + "]";
    }
}
