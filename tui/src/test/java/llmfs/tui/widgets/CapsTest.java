package llmfs.tui.widgets;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CapsTest {

    @Test
    void ordinaryUtf8TerminalHasEverything() {
        assertEquals(new Caps(true, true),
                Caps.fromEnvironment(Map.of("TERM", "xterm-256color", "LANG", "en_US.UTF-8")));
    }

    @Test
    void noColorTurnsColourOffButKeepsUnicode() {
        assertEquals(new Caps(true, false),
                Caps.fromEnvironment(Map.of("TERM", "xterm", "LANG", "C.UTF-8", "NO_COLOR", "1")));
    }

    @Test
    void emptyNoColorIsIgnoredAsTheConventionSays() {
        assertEquals(new Caps(true, true), Caps.fromEnvironment(Map.of("TERM", "xterm", "NO_COLOR", "")));
    }

    @Test
    void dumbTerminalGetsPlainAscii() {
        assertEquals(Caps.PLAIN, Caps.fromEnvironment(Map.of("TERM", "dumb", "LANG", "en_US.UTF-8")));
    }

    @Test
    void missingTermMeansNoColourButUnicodeStays() {
        assertEquals(new Caps(true, false), Caps.fromEnvironment(Map.of()));
        assertEquals(new Caps(true, false), Caps.fromEnvironment(Map.of("TERM", "")));
    }

    @Test
    void nonUtf8LocaleMeansAscii() {
        assertEquals(new Caps(false, true), Caps.fromEnvironment(Map.of("TERM", "xterm", "LANG", "C")));
        assertEquals(new Caps(false, true),
                Caps.fromEnvironment(Map.of("TERM", "xterm", "LANG", "de_DE.ISO-8859-1")));
    }

    @Test
    void lcAllWinsOverLcCtypeWhichWinsOverLang() {
        assertEquals(false, Caps.fromEnvironment(
                Map.of("TERM", "xterm", "LC_ALL", "POSIX", "LC_CTYPE", "en_US.UTF-8", "LANG", "en_US.UTF-8"))
                .unicode());
        assertEquals(true, Caps.fromEnvironment(
                Map.of("TERM", "xterm", "LC_CTYPE", "en_GB.utf8", "LANG", "C")).unicode());
        // An empty LC_ALL does not count: the next variable decides.
        assertEquals(false, Caps.fromEnvironment(
                Map.of("TERM", "xterm", "LC_ALL", "", "LC_CTYPE", "C", "LANG", "en_US.UTF-8")).unicode());
    }
}
