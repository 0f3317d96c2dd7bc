package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyType;
import llmfs.compute.train.TrainEvent;
import llmfs.tui.app.KeyHint;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tutor.course.LabSpec;
import llmfs.tutor.course.Part;
import llmfs.tutor.lab.LabRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static llmfs.tui.screens.ScreenFixture.ch;
import static llmfs.tui.screens.ScreenFixture.draw;
import static llmfs.tui.screens.ScreenFixture.key;
import static llmfs.tui.screens.ScreenFixture.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lab screen: its introduction comes from the lab, and a Part 2 run shows chart, progress and sample. */
class LabViewTest {
    @TempDir
    Path tmp;

    private static Part part(int id, String lab) {
        return new Part(id, "Part " + id, "A part.", List.of(), List.of(), new LabSpec(lab, "Train it", lab));
    }

    private static boolean hasKey(LabView v, String key) {
        return v.keys().stream().map(KeyHint::key).anyMatch(key::equals);
    }

    @Test
    void introDescribesEachLab() {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            LabView names = new LabView(fx.ctx, part(1, "names"), part(1, "names").lab());
            Canvas n = draw(names, Caps.PLAIN);
            assertTrue(n.text().contains("emb 8"), n.text());
            assertTrue(n.text().contains("tutor train names --epochs 1000"), n.text());
            assertTrue(hasKey(names, "p"), "Part 1 has the embeddings picture");

            LabView sh = new LabView(fx.ctx, part(2, "shakespeare"), part(2, "shakespeare").lab());
            Canvas s = draw(sh, Caps.PLAIN);
            assertTrue(s.text().contains("560,225 parameters"), s.text());
            assertTrue(s.text().contains("quick run: 2,000 steps"), s.text());
            assertTrue(s.text().contains("tutor train shakespeare --long"), s.text());
            assertFalse(s.text().contains("emb 8"), "no names text on the Shakespeare lab");
            assertFalse(hasKey(sh, "p"));
            assertFalse(sh.onKey(ch('p'), fx), "p does nothing here");

            Canvas b = draw(new LabView(fx.ctx, part(3, "bpe"), part(3, "bpe").lab()), Caps.PLAIN);
            assertTrue(b.text().contains("1,222,188 parameters"), b.text());
        }
    }

    @Test
    void shakespeareRunShowsChartProgressAndSample() throws Exception {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            LabView view = new LabView(fx.ctx, part(2, "shakespeare"), part(2, "shakespeare").lab());
            view.onKey(key(KeyType.Enter), fx);
            LabRun run = fx.ctx.lab("shakespeare").run();
            ScreenFixture.await("a few steps", 120_000, () -> {
                LabRun.Snapshot s = run.snapshot();
                return s.lastStep() != null && s.lastStep().step() >= 2 && s.lastSample() != null;
            });
            Canvas c = draw(view, Caps.PLAIN);
            assertTrue(rowOf(c, "MLP on Tiny Shakespeare characters (560,225 parameters") >= 0, c.text());
            assertTrue(rowOf(c, "/2,000") >= 0, "progress against the quick run's 2,000 steps: " + c.text());
            assertTrue(rowOf(c, "val loss") >= 0, c.text());
            assertTrue(rowOf(c, "sample: ROMEO:|") >= 0, "the sample starts with the prompt, line break shown: "
                    + c.text());
            assertTrue(hasKey(view, "s"));
            view.onKey(ch('s'), fx);
            run.join(120_000);
            assertInstanceOf(TrainEvent.Finished.class, run.snapshot().end());
            assertTrue(((TrainEvent.Finished) run.snapshot().end()).stopped());
            assertTrue(rowOf(draw(view, Caps.PLAIN), "Stopped") >= 0);
            assertEquals(1, fx.flashes.size());
        }
    }
}
