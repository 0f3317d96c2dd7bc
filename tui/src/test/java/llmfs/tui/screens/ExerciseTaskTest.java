package llmfs.tui.screens;

import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tutor.course.Exercise;
import llmfs.tutor.course.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static llmfs.tui.screens.ScreenFixture.ch;
import static llmfs.tui.screens.ScreenFixture.rowOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exercise screen states the task and opens its lesson; lessons read are marked in the part view. */
class ExerciseTaskTest {
    @TempDir
    Path tmp;

    @Test
    void theTaskIsOnTheScreenAndLLeadsToTheLessonWhichIsThenMarkedRead() {
        try (ScreenFixture fx = new ScreenFixture(tmp.resolve("ws"), Caps.PLAIN)) {
            Exercise windows = fx.session.course().exercise("1.2");
            ExerciseView view = new ExerciseView(fx.ctx, windows);
            Canvas c = new Canvas(80, 22); // the body of an 80x24 terminal
            view.render(c, Caps.PLAIN);
            assertTrue(rowOf(c, "Task") >= 0, c.text());
            assertTrue(rowOf(c, "rows(") >= 0 || rowOf(c, "blockSize") >= 0, c.text());
            assertTrue(view.keys().stream().anyMatch(k -> k.key().equals("l")), view.keys().toString());

            Part one = fx.session.course().part(1);
            String lessonId = windows.afterLesson();
            assertFalse(fx.session.progress().lessonRead(lessonId));
            view.onKey(ch('l'), fx);
            LessonView lesson = assertInstanceOf(LessonView.class, fx.pushed.get(0));
            assertTrue(lesson.title().contains(fx.session.course().lesson(lessonId).title()), lesson.title());
            assertTrue(fx.session.progress().lessonRead(lessonId));

            Canvas part = new Canvas(80, 40);
            new PartView(fx.ctx, one).render(part, Caps.PLAIN);
            int row = rowOf(part, fx.session.course().lesson(lessonId).title());
            assertTrue(part.row(row).contains("read"), part.text());
            int other = rowOf(part, one.lessons().get(0).title());
            assertFalse(part.row(other).contains("read"), "a lesson not opened is not marked: " + part.row(other));
        }
    }
}
