package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenTextTest {

    @Test
    void whitespaceTokensBecomeVisible() {
        assertEquals("\u2423", TokenText.visible(" ", true));
        assertEquals("_", TokenText.visible(" ", false));
        assertEquals("\u21B5", TokenText.visible("\n", true));
        assertEquals("\\n", TokenText.visible("\n", false));
        assertEquals("\\x01", TokenText.visible("\u0001", true));
    }

    @Test
    void ordinaryTextIsKeptOrFolded() {
        assertEquals("ing", TokenText.visible("ing", true));
        assertEquals("e", TokenText.visible("\u00E9", false));
        assertEquals("{}", TokenText.visible("", false));
    }
}
