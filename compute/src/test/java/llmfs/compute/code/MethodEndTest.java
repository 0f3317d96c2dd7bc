package llmfs.compute.code;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MethodEndTest {

    @Test
    void stopsAtTheMethodsOwnClosingBraceNotAtTheNextMethod() {
        String method = "static int f(int x) {\n    if (x > 0) {\n        return 1;\n    }\n    return 0;\n}";
        String text = method + "\n\n/** Next. */\nstatic int g() {\n    return";
        assertEquals(method.length() - 1, MethodEnd.end(text));
        assertEquals(method, MethodEnd.cut(text));
    }

    @Test
    void bracesInStringsCharsAndCommentsDoNotCount() {
        String m = "static String f() {\n"
                + "    // a } in a line comment\n"
                + "    /* and { here, ending with **/\n"
                + "    char open = '{';\n"
                + "    char quote = '\\'';\n"
                + "    String s = \"}\\\"}\" + '}';\n"
                + "    return s;\n"
                + "}";
        assertEquals(m.length() - 1, MethodEnd.end(m + " trailing }"));
    }

    @Test
    void javadocBracesAreSkippedWhenFindingTheBody() {
        String m = "/** Returns {@code x}. */\nstatic int id(int x) { return x; }";
        assertEquals(m.indexOf("{ return"), MethodEnd.firstOpenBrace(m));
        assertEquals(m.length() - 1, MethodEnd.end(m));
    }

    @Test
    void anUnfinishedMethodHasNoEnd() {
        assertEquals(-1, MethodEnd.end("static int f() {\n    if (x) {\n        return 1;\n    }\n"));
        assertEquals(-1, MethodEnd.end("no braces at all }"));
        assertEquals("static int f() {", MethodEnd.cut("static int f() {"));
    }

    @Test
    void incrementalScannerMatchesTheWholeTextAnswer() {
        String text = "int f() { String a = \"{\"; /* } */ return '}' == 1 ? 2 : 3; } more";
        MethodEnd m = new MethodEnd();
        int stop = -1;
        for (int i = 0; i < text.length(); i++) {
            if (m.accept(text.charAt(i))) {
                stop = i;
                break;
            }
            assertFalse(m.closed());
        }
        assertEquals(MethodEnd.end(text), stop);
        assertTrue(m.closed());
        assertEquals(0, m.depth());
    }

    @Test
    void aBrokenStringLiteralEndsAtTheLineBreak() {
        String m = "int f() {\n    String s = \"unterminated {\n    return 1;\n}";
        assertEquals(m.length() - 1, MethodEnd.end(m));
    }
}
