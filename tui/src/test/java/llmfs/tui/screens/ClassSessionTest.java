package llmfs.tui.screens;

import com.googlecode.lanterna.input.KeyType;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tutor.Session;
import llmfs.tutor.classroom.FairUse;
import llmfs.tutor.course.LabSpec;
import llmfs.tutor.course.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static llmfs.tui.screens.ScreenFixture.draw;
import static llmfs.tui.screens.ScreenFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A learner's session in a class: labs that do not fit are refused with a message, and the lab slot is shared. */
class ClassSessionTest {
    @TempDir
    Path tmp;

    private static Part names() {
        return new Part(1, "Part 1", "A part.", List.of(), List.of(), new LabSpec("names", "Train it", "names"));
    }

    @Test
    void aLabThatDoesNotFitIsRefusedWithTheReason() {
        FairUse fair = new FairUse(new FairUse.Limits(2, 1, 1000));
        FairUse.LabPass someoneElse = fair.startLab("bob");
        try (Session s = Session.open(tmp.resolve("ws").toString());
             UiContext ctx = new UiContext(s, Caps.PLAIN, fair.seat("ada"))) {
            LabView v = new LabView(ctx, names(), names().lab());
            v.onKey(key(KeyType.Enter), new RecordingNav());
            Canvas c = draw(v, Caps.PLAIN);
            assertTrue(c.text().contains("Could not start") && c.text().contains("already training 1 lab"), c.text());
            assertEquals(null, ctx.lab("names"), "nothing started");
            assertEquals(1, fair.runningLabs());
        } finally {
            someoneElse.close();
        }
        assertEquals(0, fair.runningLabs());
    }

    @Test
    void aLabThatFitsHoldsTheSlotUntilItIsSaved() throws Exception {
        FairUse fair = new FairUse(new FairUse.Limits(2, 1, 1000));
        try (Session s = Session.open(tmp.resolve("ws").toString());
             UiContext ctx = new UiContext(s, Caps.PLAIN, fair.seat("ada"))) {
            LabView v = new LabView(ctx, names(), names().lab());
            v.onKey(key(KeyType.Enter), new RecordingNav());
            assertTrue(ctx.lab("names") != null, "the lab started");
            assertEquals(1, fair.runningLabs());
            ctx.saveRunningLabs(); // as when the learner's connection drops
            ScreenFixture.await("the lab slot to be free", 30_000, () -> fair.runningLabs() == 0);
        }
    }

    /** A navigation that only records flashes. */
    private static final class RecordingNav implements llmfs.tui.app.Nav {
        @Override
        public void push(llmfs.tui.app.View view) {}

        @Override
        public void back() {}

        @Override
        public void quit() {}

        @Override
        public void suspendFor(Runnable action) {}

        @Override
        public void flash(String message) {}
    }
}
