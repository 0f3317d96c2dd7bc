package llmfs.tui.screens;

import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static llmfs.tui.screens.ScreenFixture.draw;
import static llmfs.tui.screens.ScreenFixture.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compression table: progress while the tokenizers train, then one row per vocabulary size. */
class CompressionViewTest {
    @TempDir
    Path tmp;

    @Test
    void fillsTheTableWithTheCourseRowHighlighted() throws Exception {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            CompressionView view = new CompressionView(fx.ctx);
            ScreenFixture.await("all vocabulary sizes", 120_000, () -> fx.ctx.compression().done());
            assertNull(fx.ctx.compression().error());
            Canvas c = draw(view, Caps.PLAIN);
            assertTrue(rowOf(c, "1,115,394 characters") >= 0, c.text());
            // Characters alone: 65 distinct characters, one token each.
            assertTrue(rowOf(c, "65        0    1,115,394         1.00") >= 0, c.text());
            // The course's tokenizer: 235 merges, 578,590 tokens, 1.93 characters per token.
            int course = rowOf(c, "300      235      578,590         1.93");
            assertTrue(course >= 0, c.text());
            assertTrue(c.row(course).contains("the course's tokenizer"), c.row(course));
            assertTrue(c.boldAt(c.row(course).indexOf("300"), course), "the course's row stands out");

            List<CompressionStudy.Row> rows = fx.ctx.compression().rows();
            assertEquals(1 + CompressionStudy.VOCABS.length, rows.size());
            for (int i = 1; i < rows.size(); i++) {
                CompressionStudy.Row r = rows.get(i);
                assertEquals(CompressionStudy.VOCABS[i - 1], r.vocab());
                assertEquals(r.vocab() - 65, r.merges(), "every asked-for merge exists in a text this long");
                assertTrue(r.tokens() < rows.get(i - 1).tokens(), "a bigger vocabulary never needs more tokens");
                assertTrue(rowOf(c, String.format("%,d", r.tokens())) >= 0, "row for vocab " + r.vocab());
            }
            assertTrue(view.tick(), "the first tick after finishing redraws");
            assertTrue(!view.tick(), "then the finished table stays still");
        }
    }

    @Test
    void showsProgressWhileTraining() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompressionStudy study = new CompressionStudy(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "abababab cdcdcdcd abab cd ".repeat(200);
        });
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            CompressionView view = new CompressionView(fx.ctx, study);
            Canvas waiting = draw(view, Caps.PLAIN);
            int bar = rowOf(waiting, "reading the text");
            assertTrue(bar >= 0, waiting.text());
            assertTrue(waiting.row(bar).trim().startsWith("["), "a progress bar: " + waiting.row(bar));
            release.countDown();
            ScreenFixture.await("the study", 30_000, study::done);
            // A tiny text has too few pairs for the bigger sizes: training stops early, and the table says so.
            assertNull(study.error());
            Canvas done = draw(view, Caps.PLAIN);
            assertEquals(-1, rowOf(done, "reading the text"), "no progress bar once finished");
            assertEquals(5, study.rows().size());
            assertTrue(study.rows().get(4).merges() < 4096 - 6, "merges stop when no pair repeats");
        }
    }
}
