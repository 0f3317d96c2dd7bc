package llmfs.tui.screens;

import llmfs.tui.app.KeyHint;
import llmfs.tutor.course.LabSpec;
import llmfs.tutor.course.Part;
import llmfs.tutor.lab.Labs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static llmfs.tui.screens.ScreenFixture.ch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lab screen's t key: shown once a model is saved; otherwise, or with a damaged file, it says why. */
class LabViewChatKeyTest {
    @TempDir
    Path tmp;

    private static boolean hasTalk(LabView v) {
        return v.keys().stream().map(KeyHint::key).anyMatch("t"::equals);
    }

    @Test
    void talkIsOfferedOnlyWithASavedModel() throws Exception {
        Path ws = tmp.resolve("ws");
        try (ScreenFixture fx = new ScreenFixture(ws, llmfs.tui.widgets.Caps.PLAIN)) {
            Part part = new Part(1, "Part 1", "A part.", List.of(), List.of(), new LabSpec("names", "Train it", "names"));
            LabView view = new LabView(fx.ctx, part, part.lab());
            assertFalse(hasTalk(view), "nothing to talk to yet");
            assertTrue(view.onKey(ch('t'), fx));
            assertEquals(1, fx.flashes.size());
            assertTrue(fx.flashes.get(0).contains("No saved model yet"), fx.flashes.get(0));

            Path ck = Labs.checkpoint("names", null, fx.session.workspace().dir());
            Files.createDirectories(ck.getParent());
            Files.write(ck, new byte[]{1, 2, 3});
            assertTrue(hasTalk(view), "a saved file offers the chat");
            view.onKey(ch('t'), fx);
            assertEquals(2, fx.flashes.size(), "a damaged file is reported instead of opening the chat");
            assertTrue(fx.flashes.get(1).contains("tutor train names --restart"), fx.flashes.get(1));
        }
    }
}
