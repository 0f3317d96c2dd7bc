package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitTest {
    @Test
    void cutsAtAWordBoundaryWithAnEllipsis() {
        String title = " LLM from Scratch › Part 3 › Lesson 10/10 Lab: the MLP on tokens, and a lesson in memorisation";
        String fit = Fit.line(title, 80, true);
        assertTrue(fit.length() <= 80, fit);
        assertTrue(fit.endsWith("…"), fit);
        String head = fit.substring(0, fit.length() - 1);
        assertTrue(title.startsWith(head) && title.charAt(head.length()) == ' ', "cut between words: " + fit);
        assertEquals("short", Fit.line("short", 80, true));
        assertEquals("abcdefg...", Fit.line("abcdefghijklmnop", 10, false), "one long word is cut where it must be");
        assertEquals("Train the model…", Fit.line("Train the model, then", 17, true), "no dangling comma");
    }

    @Test
    void wrapsWithAHangingIndent() {
        String text = "Saving a file re-checks it automatically. The same commands exist headless: tutor --help";
        List<String> lines = Fit.wrap(text, 40, 2);
        for (String l : lines) assertTrue(l.length() <= 40, l);
        assertTrue(lines.get(1).startsWith("  ") && !lines.get(1).startsWith("   "), lines.toString());
        assertEquals(text, String.join(" ", lines.stream().map(String::strip).toList()), "no word split or lost");
    }
}
