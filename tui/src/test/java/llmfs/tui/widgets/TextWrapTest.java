package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextWrapTest {

    private static List<String> plain(List<StyledLine> lines) {
        return lines.stream().map(StyledLine::plainText).toList();
    }

    @Test
    void wordsMoveToTheNextLineWhenTheyDoNotFit() {
        List<StyledLine> lines = TextWrap.wrap(List.of(Span.of("the quick brown fox jumps", Role.TEXT)), 10);
        assertEquals(List.of("the quick", "brown fox", "jumps"), plain(lines));
    }

    @Test
    void overlongWordsAreBroken() {
        assertEquals(List.of("abcd", "efgh", "ij"), plain(TextWrap.wrap(List.of(Span.of("abcdefghij", Role.TEXT)), 4)));
    }

    @Test
    void spacesCollapseAndNewlinesBreak() {
        assertEquals(List.of("a b", "c"), plain(TextWrap.wrap(List.of(Span.of("  a    b\nc ", Role.TEXT)), 20)));
    }

    @Test
    void aStyleChangeInsideAWordDoesNotSplitIt() {
        List<Span> spans = List.of(Span.of("see ", Role.TEXT), new Span("bold", Role.TEXT, true),
                Span.of(", then", Role.TEXT));
        List<StyledLine> lines = TextWrap.wrap(spans, 8);
        // "bold," is one word of five cells: "see bold," would take 9, so it moves down whole.
        assertEquals(List.of("see", "bold,", "then"), plain(lines));
        StyledLine second = lines.get(1);
        assertTrue(second.spans().get(0).bold());
        assertEquals(",", second.spans().get(1).text());
    }

    @Test
    void noLineIsWiderThanTheWidth() {
        String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt";
        for (int w = 1; w <= 30; w++) {
            for (StyledLine l : TextWrap.wrap(List.of(Span.of(text, Role.TEXT)), w)) {
                assertTrue(l.width() <= w, w + ": " + l.plainText());
            }
        }
    }
}
