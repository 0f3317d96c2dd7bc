package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyType;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import llmfs.compute.io.Checkpoint;
import llmfs.compute.train.TrainEvent;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tutor.course.LabSpec;
import llmfs.tutor.course.Part;
import llmfs.tutor.lab.LabRun;
import llmfs.tutor.lab.LabRuns;
import llmfs.tutor.lab.Labs;
import llmfs.tutor.lab.ModelSizes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static llmfs.tui.screens.ScreenFixture.ch;
import static llmfs.tui.screens.ScreenFixture.draw;
import static llmfs.tui.screens.ScreenFixture.key;
import static llmfs.tui.screens.ScreenFixture.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training again on the lab screen asks first and keeps the saved model; the runs list brings it back; sizes. */
class LabRunsScreensTest {
    @TempDir
    Path tmp;

    private static final Part PART = new Part(1, "Part 1", "A part.", List.of(), List.of(),
            new LabSpec("names", "Train it", "names"));

    /**
     * A saved names model as a long run stopped with {@code s} leaves it: past the quick run's length, so the quick
     * run (Enter) cannot continue it and would start over. (Trained for one epoch; its sidecar then says step 5,000.)
     */
    private static void trainOnce(ScreenFixture fx) throws Exception {
        Labs.Setup s = Labs.create("names", Labs.Options.defaults().withEpochs(1), fx.session.workspace().dir(),
                fx.session.corpora());
        assertInstanceOf(TrainEvent.Finished.class, s.newRun(1).runHere());
        Path side = Checkpoint.sidecarOf(s.checkpoint());
        JsonObject o = JsonParser.parseString(Files.readString(side)).getAsJsonObject();
        o.addProperty("step", 5_000);
        o.addProperty("totalSteps", 20_000);
        Files.writeString(side, o.toString());
    }

    @Test
    void trainingAgainAsksFirstAndKeepsTheSavedModel() throws Exception {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            trainOnce(fx);
            Path ck = Labs.checkpoint("names", null, fx.session.workspace().dir());
            LabView view = new LabView(fx.ctx, PART, PART.lab());

            view.onKey(key(KeyType.Enter), fx);
            assertNotNull(view.prompt(), "a finished run is not replaced without asking");
            assertTrue(view.prompt().startsWith("Train again? The saved model (val "), view.prompt());
            assertTrue(view.prompt().length() <= 78, "fits the 80-column prompt line: " + view.prompt());
            assertNull(fx.ctx.lab("names"), "nothing started yet");
            view.onKey(ch('n'), fx);
            assertNull(view.prompt());
            assertNull(fx.ctx.lab("names"), "no means no");
            assertTrue(LabRuns.of(ck).list().isEmpty());

            view.onKey(ch('R'), fx);
            assertNotNull(view.prompt());
            view.onKey(ch('y'), fx);
            LabRun run = fx.ctx.lab("names").run();
            assertEquals(1, LabRuns.of(ck).list().size(), "the saved model was kept as run 1");
            assertTrue(fx.flashes.get(fx.flashes.size() - 1).contains("kept as run 1"), fx.flashes::toString);
            view.onKey(ch('s'), fx);
            run.join(300_000);
            assertInstanceOf(TrainEvent.Finished.class, run.snapshot().end());

            view.onKey(ch('u'), fx);
            LabRunsView runs = assertInstanceOf(LabRunsView.class, fx.pushed.get(fx.pushed.size() - 1));
            Canvas c = draw(runs, Caps.PLAIN);
            assertTrue(rowOf(c, "current") >= 0 && rowOf(c, "> #1") >= 0, c.text());
            assertTrue(rowOf(c, "5/8/256") >= 0, "sizes column: " + c.text());
            runs.onKey(key(KeyType.Enter), fx);
            assertTrue(fx.flashes.get(fx.flashes.size() - 1).startsWith("Run 1 is the current model again"),
                    fx.flashes::toString);
            assertEquals(2, LabRuns.of(ck).list().size(), "the stopped run was kept before run 1 came back");
            assertEquals(5_000, LabRuns.of(ck).current().orElseThrow().step());
            assertEquals("5000",
                    fx.session.progress().lab("names").orElseThrow().fact("step").orElseThrow(),
                    "the progress file names the model that is current");
        }
    }

    @Test
    void sizesAreChosenOnTheLabScreenAndRefusedWithAReason() {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            LabView lab = new LabView(fx.ctx, PART, PART.lab());
            assertTrue(rowOf(draw(lab, Caps.PLAIN), "Model sizes: the course's (o: change)") >= 0);
            lab.onKey(ch('o'), fx);
            LabSettingsView v = assertInstanceOf(LabSettingsView.class, fx.pushed.get(0));
            assertTrue(rowOf(draw(v, Caps.PLAIN), "5_") >= 0, "the block field starts at the course's 5");

            v.onKey(key(KeyType.Backspace), fx);
            fx.type(v, "99");
            v.onKey(key(KeyType.Enter), fx);
            assertEquals(0, fx.backs, "an invalid size keeps the screen open");
            assertTrue(rowOf(draw(v, Caps.PLAIN), "--block must be between 1 and 32") >= 0, draw(v, Caps.PLAIN).text());
            assertEquals(ModelSizes.DEFAULT, fx.ctx.labSizes("names"));

            v.onKey(key(KeyType.Backspace), fx);
            v.onKey(key(KeyType.Backspace), fx);
            fx.type(v, "8");
            v.onKey(key(KeyType.ArrowDown), fx);
            v.onKey(key(KeyType.ArrowDown), fx);
            v.onKey(key(KeyType.Backspace), fx);
            v.onKey(key(KeyType.Backspace), fx);
            v.onKey(key(KeyType.Backspace), fx);
            fx.type(v, "64");
            v.onKey(key(KeyType.Enter), fx);
            assertEquals(1, fx.backs);
            assertEquals(new ModelSizes(8, null, 64), fx.ctx.labSizes("names"));
            assertTrue(rowOf(draw(lab, Caps.PLAIN), "Model sizes: block 8 - emb 8 - hidden 64") >= 0,
                    draw(lab, Caps.PLAIN).text());
        }
    }
}
