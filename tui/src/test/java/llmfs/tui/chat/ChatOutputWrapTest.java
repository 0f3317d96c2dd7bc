package llmfs.tui.chat;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chat notes are broken at spaces to fit the terminal, never in the middle of a word. */
class ChatOutputWrapTest {
    @Test
    void notesWrapAtSpacesWithinTheWidth() {
        StringWriter buf = new StringWriter();
        ChatOutput out = new ChatOutput(new PrintWriter(buf, true), false, new AtomicBoolean(), () -> 40);
        out.note("Names model (Part 1): 17,651 parameters, trained 800 steps. Type :help for commands.");
        List<String> lines = buf.toString().lines().toList();
        assertTrue(lines.size() > 1, lines.toString());
        for (String l : lines) assertTrue(l.length() <= 39, "'" + l + "' is wider than 39 columns");
        assertEquals("Names model (Part 1): 17,651 parameters, trained 800 steps. Type :help for commands.",
                String.join(" ", lines.stream().map(String::strip).toList()), "no word is split or lost");
    }

    @Test
    void commandHelpContinuesUnderItsDescription() {
        List<String> lines = ChatOutput.wrap("  :seed S   start the random numbers again from S: the same input gives "
                + "the same answer", 50);
        assertTrue(lines.size() >= 2, lines.toString());
        int column = "  :seed S   ".length(); // where the description starts
        assertTrue(lines.get(1).startsWith(" ".repeat(column)) && !lines.get(1).startsWith(" ".repeat(column + 1)),
                "aligned with the description: '" + lines.get(1) + "'");
    }

    @Test
    void noWidthMeansNoWrapping() {
        String longLine = "x ".repeat(100).strip();
        assertEquals(List.of(longLine), ChatOutput.wrap(longLine, 0));
    }
}
