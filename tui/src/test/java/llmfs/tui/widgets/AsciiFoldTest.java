package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class AsciiFoldTest {

    @Test
    void typographyBecomesPlainAscii() {
        assertEquals("step 3 - 41,000 tok/s - \"fast\"... 'ok' -> done",
                AsciiFold.fold("step 3 \u00B7 41,000 tok/s \u2014 \u201Cfast\u201D\u2026 \u2018ok\u2019 \u2192 done"));
    }

    @Test
    void accentsAreDroppedAndUnknownScriptsBecomeQuestionMarks() {
        assertEquals("Rene Zoe", AsciiFold.fold("Ren\u00E9 Zo\u00EB"));
        assertEquals("??", AsciiFold.fold("\u6F22\u5B57"));
    }

    @Test
    void greekLettersAreSpelledOut() {
        assertEquals("lr eta = 0.1, sigma", AsciiFold.fold("lr \u03B7 = 0.1, \u03C3"));
    }

    @Test
    void asciiTextIsReturnedAsIs() {
        String s = "plain text\twith tab";
        assertSame(s, AsciiFold.fold(s));
        assertSame(s, AsciiFold.text(s, false));
    }

    @Test
    void unicodeTerminalsGetTheTextUnchanged() {
        assertEquals("\u2014", AsciiFold.text("\u2014", true));
    }
}
