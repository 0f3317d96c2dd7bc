package llmfs.compute.align;

/**
 * What a set of preference pairs says about a model: the mean implicit rewards of chosen and rejected answers, the
 * mean margin between them, and the preference accuracy, the share of pairs whose chosen reward is strictly greater
 * (a tie is not a win: with policy equal to reference every margin is 0 and the accuracy is 0, not 100%).
 */
public record PreferenceStats(float chosenReward, float rejectedReward, float margin, float accuracy, int pairs) {

    public static PreferenceStats of(float[] chosen, float[] rejected) {
        if (chosen.length != rejected.length) {
            throw new IllegalArgumentException(chosen.length + " chosen but " + rejected.length + " rejected values");
        }
        int n = chosen.length;
        if (n == 0) return new PreferenceStats(0, 0, 0, 0, 0);
        double c = 0, r = 0;
        int wins = 0;
        for (int i = 0; i < n; i++) {
            c += chosen[i];
            r += rejected[i];
            if (chosen[i] > rejected[i]) wins++;
        }
        return new PreferenceStats((float) (c / n), (float) (r / n), (float) ((c - r) / n), (float) wins / n, n);
    }
}
