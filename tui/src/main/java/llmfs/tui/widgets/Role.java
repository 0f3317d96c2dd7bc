package llmfs.tui.widgets;

/**
 * What a cell means, not what colour it has: widgets speak in roles and a {@link Theme} turns them into
 * terminal colours. With colour off every role draws in the terminal's default colour, so widgets never rely on
 * a role alone to carry information.
 */
public enum Role {
    /** Ordinary text. */
    TEXT,
    /** Secondary text: axes, rules, hints, status lines. */
    DIM,
    /** Something to notice: emphasis, links, the filled part of a bar. */
    ACCENT,
    /** Success. */
    GOOD,
    /** Failure or an invalid value. */
    BAD,
    /** Caution. */
    WARN,
    /** First data series or group. */
    SERIES_1,
    /** Second data series or group. */
    SERIES_2,
    /** Third data series or group. */
    SERIES_3,
    /** Fourth data series or group. */
    SERIES_4,
    /** Source code, inline or in blocks. */
    CODE,
    /** Headings and table headers. */
    HEADING;

    private static final Role[] SERIES = {SERIES_1, SERIES_2, SERIES_3, SERIES_4};

    /**
     * The role of the {@code index}-th series or group (0-based); indices past the fourth wrap around.
     *
     * @param index a non-negative series index
     * @return one of SERIES_1..SERIES_4
     */
    public static Role series(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("series index must be >= 0, got " + index);
        }
        return SERIES[index % SERIES.length];
    }
}
