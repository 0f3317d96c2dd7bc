package llmfs.tutor.check;

/**
 * The result of comparing an expected array with the learner's, element by element (see {@link Compare}).
 *
 * @param matches        true when the lengths agree and every element is within tolerance
 * @param maxAbsError    largest absolute difference over the elements both arrays have (NaN where a value is NaN
 *                       and the other is not counts as infinite); 0 for an empty comparison
 * @param firstBadIndex  flat index of the first element outside tolerance (or the shorter length when only the
 *                       lengths differ); -1 when everything matches
 * @param expectedLength length of the expected array
 * @param actualLength   length of the learner's array; -1 when the learner returned null
 * @param expectedValue  the expected element at {@code firstBadIndex}, formatted; null when matching
 * @param actualValue    the learner's element at {@code firstBadIndex}, formatted; null when matching
 */
public record Comparison(boolean matches, double maxAbsError, int firstBadIndex, int expectedLength,
                         int actualLength, String expectedValue, String actualValue) {

    /**
     * One line describing the first difference, with the index in flat form, e.g.
     * {@code "at [7]: expected 0.2500 but got 0.5000"}, or null when everything matches.
     */
    public String firstDiff() {
        return firstDiff(new int[0]);
    }

    /**
     * Like {@link #firstDiff()}, but the index is given in the coordinates of {@code shape} (row-major), e.g.
     * {@code "at [1, 3]: expected 0.2500 but got 0.5000"}.
     */
    public String firstDiff(int... shape) {
        if (matches) return null;
        if (actualLength < 0) return "got null instead of " + expectedLength + " values";
        if (actualLength != expectedLength) {
            return "expected " + expectedLength + " values but got " + actualLength;
        }
        return "at " + Compare.index(firstBadIndex, shape) + ": expected " + expectedValue + " but got " + actualValue;
    }

    /**
     * A failing report with {@code headline}, the first difference as details, and maxError/firstDiff filled in.
     *
     * @throws IllegalStateException if the arrays match
     */
    public CheckReport toFailure(String headline, int... shape) {
        if (matches) throw new IllegalStateException("the arrays match; there is no failure to report");
        String diff = firstDiff(shape);
        CheckReport r = CheckReport.fail(headline, diff).withFirstDiff(diff);
        return actualLength == expectedLength ? r.withMaxError(maxAbsError) : r;
    }
}
