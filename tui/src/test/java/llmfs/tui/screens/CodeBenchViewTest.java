package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyType;
import llmfs.tutor.lab.Labs;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static llmfs.tui.screens.ScreenFixture.draw;
import static llmfs.tui.screens.ScreenFixture.key;
import static llmfs.tui.screens.ScreenFixture.rowOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test bench screen: says what Enter does, runs the bench in the background, and reports a bench it cannot run. */
class CodeBenchViewTest {
    @TempDir
    Path tmp;

    @Test
    void withoutATrainedModelEnterSaysWhatToRun() throws Exception {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            CodeBenchView view = new CodeBenchView(fx.ctx);
            assertTrue(rowOf(draw(view, Caps.PLAIN), "Press Enter to run the test bench") >= 0);
            assertTrue(view.onKey(key(KeyType.Enter), fx));
            ScreenFixture.await("the bench to give up", 60_000, () -> {
                Canvas c = draw(view, Caps.PLAIN);
                return rowOf(c, "Could not run the bench") >= 0;
            });
            Canvas c = draw(view, Caps.PLAIN);
            assertTrue(c.text().contains("tutor train code"), c.text());
        }
    }

    @Test
    void theBenchOutlivesItsScreen() throws Exception {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            CodeBenchView first = new CodeBenchView(fx.ctx);
            first.onKey(key(KeyType.Enter), fx);
            // The learner leaves at once; a new screen (as the part menu builds on every visit) shows the same bench.
            CodeBenchView again = new CodeBenchView(fx.ctx);
            ScreenFixture.await("the bench to give up", 60_000,
                    () -> rowOf(draw(again, Caps.PLAIN), "Could not run the bench") >= 0);
            assertTrue(rowOf(draw(again, Caps.PLAIN), "Press Enter to run the test bench") < 0);
        }
    }

    @Test
    void aTrainedModelGetsATable() throws Exception {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            Path ws = fx.ctx.session().workspace().dir();
            Labs.Setup s = Labs.create("code", Labs.Options.defaults().withSteps(1L).withEvalWindows(4), ws,
                    fx.ctx.session().corpora());
            s.task().save(s.checkpoint(), 1, 4f, 4f); // an untrained model: every sample fails, which is fine here
            CodeBenchView view = new CodeBenchView(fx.ctx, 2, 3);
            view.onKey(key(KeyType.Enter), fx);
            ScreenFixture.await("the bench", 600_000, () -> rowOf(draw(view, Caps.PLAIN), "held out") >= 0
                    || rowOf(draw(view, Caps.PLAIN), "Could not") >= 0);
            Canvas c = draw(view, Caps.PLAIN);
            assertTrue(rowOf(c, "training") >= 0 && rowOf(c, "pass@2") >= 0, c.text());
            assertTrue(rowOf(c, "Held-out methods passed at least once") >= 0, c.text());
        }
    }
}
