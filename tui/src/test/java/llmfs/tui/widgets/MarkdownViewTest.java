package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownViewTest {

    private static final String LESSON = """
            # Bigrams

            A *bigram* model predicts the **next character** from the current one using `counts[i][j]`.
            The loss is $-\\frac{1}{N}\\sum_i \\log p_i$ and $a*b*c$ is kept as written.
            Read [the notes](https://example.org/notes) first.

            ## Steps

            1. Count every pair of neighbouring characters in the training names, including the start and end marks.
            2. Normalise.
               - nested point

            > Quoted advice that goes on for long enough to need wrapping onto more lines.

            ```java
            for (int i = 0; i < n; i++) {
            \tcounts[a[i]][a[i + 1]] += 1; // this comment is long enough to be wider than a narrow screen
            }
            ```

            | token | count | share |
            |:------|------:|:-----:|
            | a     | 1200  | 0.31  |
            | zz    | 3     | 0.001 |

            ---
            The end.
            """;

    private static List<String> plain(List<StyledLine> lines) {
        return lines.stream().map(StyledLine::plainText).toList();
    }

    private static int indexOfLineContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line contains '" + text + "':\n" + String.join("\n", lines));
    }

    private static Span spanContaining(StyledLine line, String text) {
        for (Span s : line.spans()) {
            if (s.text().contains(text)) {
                return s;
            }
        }
        throw new AssertionError("no span contains '" + text + "' in " + line);
    }

    @Test
    void noLineEverExceedsTheWidth() {
        MarkdownView view = new MarkdownView(LESSON);
        for (int w = 1; w <= 100; w++) {
            for (boolean unicode : new boolean[] {true, false}) {
                for (StyledLine l : view.lines(w, unicode)) {
                    assertTrue(l.width() <= w, "width " + w + ": '" + l.plainText() + "'");
                }
            }
        }
    }

    @Test
    void paragraphsWrapWithoutLosingWords() {
        String text = "Every name is a sequence of characters and the model learns which character tends to "
                + "follow which one, one pair at a time.";
        List<String> lines = plain(new MarkdownView(text).lines(24, true));
        assertTrue(lines.size() > 3);
        for (String l : lines) {
            assertTrue(l.length() <= 24);
        }
        assertEquals(Arrays.asList(text.split(" ")), Arrays.asList(String.join(" ", lines).split(" ")));
        // Greedy: no line could have taken the next line's first word.
        for (int i = 0; i + 1 < lines.size(); i++) {
            String next = lines.get(i + 1).split(" ")[0];
            assertTrue(lines.get(i).length() + 1 + next.length() > 24, lines.get(i) + " | " + next);
        }
    }

    @Test
    void headingsAreBoldWithARuleUnderLevelsOneAndTwo() {
        List<StyledLine> lines = new MarkdownView("# Title\n\n## Sub\n\n### Small\n").lines(40, true);
        List<String> text = plain(lines);
        assertEquals(List.of("Title", "\u2550".repeat(5), "", "Sub", "\u2500".repeat(3), "", "Small"), text);
        Span title = lines.get(0).spans().get(0);
        assertTrue(title.bold());
        assertEquals(Role.HEADING, title.role());
    }

    @Test
    void inlineStylesMapToRoles() {
        StyledLine line = new MarkdownView("plain *em* **strong** `code`").lines(80, true).get(0);
        assertEquals(Role.TEXT, spanContaining(line, "plain").role());
        assertEquals(Role.ACCENT, spanContaining(line, "em").role());
        assertTrue(spanContaining(line, "strong").bold());
        assertEquals(Role.CODE, spanContaining(line, "code").role());
        assertEquals("plain em strong code", line.plainText());
    }

    @Test
    void codeBlocksStayVerbatimAndAreClippedNotWrapped() {
        String md = "```\nx  =  1   # spaced\n\tindented\n" + "y".repeat(50) + "\n```\n";
        List<StyledLine> lines = new MarkdownView(md).lines(30, true);
        assertEquals(3, lines.size(), "one output line per source line");
        assertEquals("  x  =  1   # spaced", lines.get(0).plainText());
        assertEquals("      indented", lines.get(1).plainText(), "tab expanded to four columns");
        assertEquals("  " + "y".repeat(27) + "\u2026", lines.get(2).plainText());
        assertEquals(Role.CODE, spanContaining(lines.get(0), "x").role());
        assertEquals(Role.DIM, spanContaining(lines.get(2), "\u2026").role());
    }

    @Test
    void listsHangTheirContinuationLines() {
        String md = "1. first item that is long enough to wrap around\n2. second\n   - inner\n";
        List<String> lines = plain(new MarkdownView(md).lines(20, true));
        assertEquals("1. first item that", lines.get(0));
        assertTrue(lines.get(1).startsWith("   ") && !lines.get(1).startsWith("    "), lines.get(1));
        assertEquals("2. second", lines.get(indexOfLineContaining(lines, "second")));
        assertEquals("   \u25E6 inner", lines.get(indexOfLineContaining(lines, "inner")));
    }

    @Test
    void orderedListsKeepTheirStartAndAlignNumbers() {
        StringBuilder md = new StringBuilder();
        for (int i = 8; i <= 11; i++) {
            md.append(i).append(". item\n");
        }
        List<String> lines = plain(new MarkdownView(md.toString()).lines(20, false));
        assertEquals(List.of(" 8. item", " 9. item", "10. item", "11. item"), lines);
    }

    @Test
    void blockQuotesHaveABarOnEveryLine() {
        List<String> lines = plain(new MarkdownView("> one two three four five six seven").lines(14, true));
        assertTrue(lines.size() >= 2);
        for (String l : lines) {
            assertTrue(l.startsWith("\u2502 "), l);
        }
    }

    @Test
    void linksShowTheirTextThenTheUrlDimmed() {
        StyledLine line = new MarkdownView("see [notes](https://ex.org/n)").lines(80, true).get(0);
        assertEquals("see notes (https://ex.org/n)", line.plainText());
        assertEquals(Role.DIM, spanContaining(line, "https://ex.org/n").role());
        // An autolink shows the address once.
        assertEquals("https://ex.org", new MarkdownView("<https://ex.org>").lines(80, true).get(0).plainText());
    }

    @Test
    void mathIsLeftAsWritten() {
        String text = new MarkdownView("so $a*b*c$ and $x_{i}\\{y\\}$ and $$\\sum_i w_i$$ end").lines(80, true)
                .get(0).plainText();
        assertEquals("so $a*b*c$ and $x_{i}\\{y\\}$ and $$\\sum_i w_i$$ end", text);
        assertEquals("costs $5 today", new MarkdownView("costs $5 today").lines(80, true).get(0).plainText());
        assertEquals("escaped $x$", new MarkdownView("escaped \\$x\\$").lines(80, true).get(0).plainText());
    }

    @Test
    void tablesLineUpTheirColumns() {
        List<String> lines = plain(new MarkdownView(LESSON).lines(60, true));
        int header = indexOfLineContaining(lines, "token");
        assertEquals("token \u2502 count \u2502 share", lines.get(header));
        assertEquals("\u2500".repeat(5) + "\u2500\u253C\u2500" + "\u2500".repeat(5) + "\u2500\u253C\u2500"
                + "\u2500".repeat(5), lines.get(header + 1));
        // count is right-aligned, share centred.
        assertEquals("a     \u2502  1200 \u2502 0.31", lines.get(header + 2).stripTrailing());
        assertEquals("zz    \u2502     3 \u2502 0.001", lines.get(header + 3));
    }

    @Test
    void narrowTablesTruncateCellsWithAnEllipsis() {
        String md = "| name | description |\n|---|---|\n| bigram | counts pairs of characters |\n";
        List<String> lines = plain(new MarkdownView(md).lines(20, true));
        for (String l : lines) {
            assertTrue(l.length() <= 20, l);
        }
        String row = lines.get(2);
        assertTrue(row.startsWith("bigram \u2502 counts"), row);
        assertTrue(row.endsWith("\u2026"), row);
    }

    @Test
    void thematicBreakSpansTheWidth() {
        List<String> lines = plain(new MarkdownView("a\n\n---\n\nb").lines(12, false));
        assertEquals(List.of("a", "", "-".repeat(12), "", "b"), lines);
    }

    @Test
    void asciiModeProducesOnlyAscii() {
        for (StyledLine l : new MarkdownView(LESSON + "\nsmart \u201Cquotes\u201D \u2014 and \u03B7\n")
                .lines(50, false)) {
            assertTrue(l.plainText().chars().allMatch(c -> c < 128), l.plainText());
        }
    }

    @Test
    void layoutsAreCachedPerWidth() {
        MarkdownView view = new MarkdownView(LESSON);
        List<StyledLine> at60 = view.lines(60, true);
        List<StyledLine> at40 = view.lines(40, true);
        assertSame(at60, view.lines(60, true));
        assertSame(at40, view.lines(40, true));
        assertFalse(at60.equals(at40));
    }

    @Test
    void blocksAreSeparatedByOneBlankLine() {
        List<String> lines = plain(new MarkdownView("para one\n\npara two\n\n\n\npara three").lines(40, true));
        assertEquals(List.of("para one", "", "para two", "", "para three"), lines);
        List<String> all = new ArrayList<>(plain(new MarkdownView(LESSON).lines(60, true)));
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).isEmpty() && all.get(i - 1).isEmpty(), "double blank at " + i);
        }
    }
}
