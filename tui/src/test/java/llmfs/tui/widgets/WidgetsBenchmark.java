package llmfs.tui.widgets;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints median timings for the widget work that happens on every frame or resize: laying out a long lesson
 * (cold and cached), and drawing a chart fed with many points. Run with
 * {@code java -cp <test and main classes + deps> llmfs.tui.widgets.WidgetsBenchmark}.
 */
public final class WidgetsBenchmark {

    private static final int RUNS = 31;
    private static final int WARMUP = 30;

    private WidgetsBenchmark() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        String lesson = longLesson(120);
        System.out.printf(Locale.ROOT, "lesson: %,d characters%n%n", lesson.length());
        System.out.printf(Locale.ROOT, "%-44s %12s%n", "operation", "median (us)");

        report("parse lesson", () -> time(() -> new MarkdownView(lesson)));
        MarkdownView parsed = new MarkdownView(lesson);
        int[] width = {40};
        report("lay out lesson at a new width (cold)", () -> {
            width[0] = width[0] == 120 ? 40 : width[0] + 1;
            int w = width[0];
            return time(() -> parsed.lines(w, true));
        });
        parsed.lines(80, true);
        report("lines at a cached width", () -> time(() -> parsed.lines(80, true)));
        ScrollView scroll = new ScrollView(parsed);
        Canvas screen = new Canvas(80, 23);
        report("scroll view frame 80x23 (cached layout)", () -> time(() -> {
            scroll.pageDown();
            scroll.render(screen, Caps.FULL);
            return screen;
        }));

        BrailleChart chart = new BrailleChart().xLabel("step").target(1.4, 1.5, "target");
        ChartSeries train = chart.addSeries("train loss");
        ChartSeries val = chart.addSeries("val loss");
        for (int i = 0; i < 100_000; i++) {
            train.add(i, 1.4 + 2 * Math.exp(-i / 20_000.0) + 0.05 * Math.sin(i * 0.37));
            if (i % 500 == 0) {
                val.add(i, 1.5 + 2 * Math.exp(-i / 20_000.0));
            }
        }
        Canvas panel = new Canvas(78, 14);
        report("chart 78x14, 100k points", () -> time(() -> {
            chart.render(panel, Caps.FULL);
            return panel;
        }));
        int[] step = {100_000};
        report("add one point", () -> time(() -> {
            train.add(step[0]++, 1.4);
            return train;
        }));
    }

    private static void report(String name, LongSupplier run) {
        // Warm-up lets the JIT compile the parser and layout code before anything is measured.
        for (int i = 0; i < WARMUP; i++) {
            run.getAsLong();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            nanos[i] = run.getAsLong();
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-44s %12.2f%n", name, nanos[RUNS / 2] / 1e3);
    }

    private static long time(java.util.function.Supplier<Object> work) {
        long t0 = System.nanoTime();
        Object result = work.get();
        long t = System.nanoTime() - t0;
        if (result == null) {
            throw new IllegalStateException("benchmark work returned nothing");
        }
        return t;
    }

    private static String longLesson(int sections) {
        StringBuilder sb = new StringBuilder();
        for (int s = 1; s <= sections; s++) {
            sb.append("## Section ").append(s).append("\n\n");
            sb.append("A *bigram* model predicts the **next character** from the current one using `counts[i][j]`, ")
                    .append("and its loss is $-\\frac{1}{N}\\sum_i \\log p_i$. See [the notes](https://example.org/")
                    .append(s).append(") for the derivation, which takes a few more words to explain properly.\n\n");
            sb.append("1. Count pairs of characters.\n2. Normalise each row so that it sums to one.\n")
                    .append("   - then sample from it\n\n");
            sb.append("```java\nfor (int i = 0; i < n; i++) {\n    counts[a[i]][a[i + 1]]++;\n}\n```\n\n");
            sb.append("| token | count | share |\n|---|---:|:---:|\n| a | 1200 | 0.31 |\n| zz | 3 | 0.001 |\n\n");
            sb.append("> Remember to add the start and end marks before counting.\n\n");
        }
        return sb.toString();
    }
}
