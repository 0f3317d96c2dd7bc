package llmfs.tui.screens;

import llmfs.compute.Rng;
import llmfs.compute.data.PreferenceTriplet;
import llmfs.compute.nn.Gpt;
import llmfs.compute.text.CourseVocab;
import llmfs.compute.train.DpoTraining;
import llmfs.compute.train.SftTraining;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tutor.course.LabSpec;
import llmfs.tutor.course.Part;
import llmfs.tutor.lab.Labs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static llmfs.tui.screens.ScreenFixture.ch;
import static llmfs.tui.screens.ScreenFixture.draw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Part 5 and 6 lab screens: their introductions, t opening the instruction chat, and DPO's three charts. */
class LabViewInstructTest {
    @TempDir
    Path tmp;

    private static Part part(int id, String lab) {
        return new Part(id, "Part " + id, "A part.", List.of(), List.of(), new LabSpec(lab, "Train it", lab));
    }

    @Test
    void introductionsSayWhatIsTrainedAndMeasured() {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            Canvas s = draw(new LabView(fx.ctx, part(5, "sft"), part(5, "sft").lab()), Caps.PLAIN);
            assertTrue(s.text().contains("84 held-out pairs"), s.text());
            assertTrue(s.text().contains("--from"), s.text());
            Canvas d = draw(new LabView(fx.ctx, part(6, "dpo"), part(6, "dpo").lab()), Caps.PLAIN);
            assertTrue(d.text().contains("frozen copy"), d.text());
        }
    }

    @Test
    void talkOpensTheInstructionChatWithTheTemplate() throws Exception {
        Path ws = tmp.resolve("ws");
        try (ScreenFixture fx = new ScreenFixture(ws, Caps.PLAIN)) {
            Gpt m = new Gpt(new Gpt.Config(CourseVocab.full().size(), 16, 2, 1, 128, 0f), new Rng(1));
            new SftTraining(m, List.of(new llmfs.compute.data.InstructionPair("a", "arithmetic", "Q", "A.", false)),
                    new SftTraining.Settings(1, 1e-3f, 1, 1, 1f), "scratch")
                    .save(Labs.checkpoint("sft", null, fx.session.workspace().dir()), 1, 1f, 1f);
            LabView view = new LabView(fx.ctx, part(5, "sft"), part(5, "sft").lab());
            InputStream in = System.in;
            PrintStream out = System.out;
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try {
                System.setIn(new ByteArrayInputStream(":len 5\nWhat is 2 + 2?\n".getBytes(StandardCharsets.UTF_8)));
                System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
                assertTrue(view.onKey(ch('t'), fx));
            } finally {
                System.setIn(in);
                System.setOut(out);
            }
            String transcript = buf.toString(StandardCharsets.UTF_8);
            assertEquals(List.of(), fx.flashes, transcript);
            assertTrue(transcript.contains("Part 5 instruction-tuned GPT"), transcript);
            assertTrue(transcript.contains("answers stop at the end marker or after 5 characters"), transcript);
        }
    }

    @Test
    void dpoRunShowsLossAccuracyAndRewardCharts() throws Exception {
        Path ws = tmp.resolve("ws");
        try (ScreenFixture fx = new ScreenFixture(ws, Caps.PLAIN)) {
            Gpt m = new Gpt(new Gpt.Config(CourseVocab.full().size(), 16, 2, 1, 128, 0f), new Rng(1));
            new SftTraining(m, List.of(new llmfs.compute.data.InstructionPair("a", "arithmetic", "Q", "A.", false)),
                    new SftTraining.Settings(1, 1e-3f, 1, 1, 1f), "scratch")
                    .save(Labs.checkpoint("sft", null, ws), 1, 1f, 1f);
            Labs.Setup setup = Labs.create("dpo", Labs.Options.defaults().withSteps(3L), ws, fx.session.corpora());
            llmfs.tutor.lab.LabRun run = fx.ctx.startLab(setup).run();
            run.join(300_000);
            LabView view = new LabView(fx.ctx, part(6, "dpo"), part(6, "dpo").lab());
            Canvas c = draw(view, Caps.PLAIN);
            String text = c.text();
            assertTrue(text.contains("loss"), text);
            assertTrue(text.contains("preference accuracy"), text);
            assertTrue(text.contains("rewards"), text);
            assertTrue(text.contains("Held-out preference accuracy") && text.contains("on 25 triplets"), text);
        }
    }
}
