package llmfs.tui.widgets;

import java.text.Normalizer;
import java.util.Map;

/**
 * Rewrites text for terminals that can only show ASCII: typographic punctuation becomes its plain form
 * ({@code "—"} to {@code "-"}, {@code "…"} to {@code "..."}), accented letters lose their accents, common maths
 * and Greek symbols are spelled out, and anything else becomes {@code '?'}. Without this, a non-UTF-8 terminal
 * would show mojibake where the text had a fancy quote.
 */
public final class AsciiFold {

    private static final Map<Integer, String> REPLACEMENTS = Map.ofEntries(
            Map.entry(0x00A0, " "), Map.entry(0x2009, " "), Map.entry(0x202F, " "),
            Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2013, "-"),
            Map.entry(0x2014, "-"), Map.entry(0x2212, "-"),
            Map.entry(0x2018, "'"), Map.entry(0x2019, "'"), Map.entry(0x201A, "'"),
            Map.entry(0x201C, "\""), Map.entry(0x201D, "\""), Map.entry(0x201E, "\""),
            Map.entry(0x00AB, "<<"), Map.entry(0x00BB, ">>"), Map.entry(0x2039, "<"), Map.entry(0x203A, ">"),
            Map.entry(0x2026, "..."), Map.entry(0x00B7, "-"), Map.entry(0x2022, "*"), Map.entry(0x2219, "*"),
            Map.entry(0x00D7, "x"), Map.entry(0x00F7, "/"), Map.entry(0x00B1, "+/-"),
            Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"), Map.entry(0x2191, "Up"), Map.entry(0x2193, "Dn"), Map.entry(0x2194, "<->"), Map.entry(0x21D2, "=>"),
            Map.entry(0x2264, "<="), Map.entry(0x2265, ">="), Map.entry(0x2260, "!="), Map.entry(0x2248, "~"),
            Map.entry(0x221E, "inf"), Map.entry(0x221A, "sqrt"), Map.entry(0x2211, "sum"), Map.entry(0x220F, "prod"),
            Map.entry(0x2202, "d"), Map.entry(0x2207, "grad"), Map.entry(0x2208, " in "),
            Map.entry(0x00B2, "^2"), Map.entry(0x00B3, "^3"), Map.entry(0x00B9, "^1"), Map.entry(0x00B0, " deg"),
            Map.entry(0x00DF, "ss"), Map.entry(0x00E6, "ae"), Map.entry(0x00C6, "AE"), Map.entry(0x0153, "oe"),
            Map.entry(0x00F8, "o"), Map.entry(0x00D8, "O"), Map.entry(0x0142, "l"), Map.entry(0x0141, "L"),
            Map.entry(0x03B1, "alpha"), Map.entry(0x03B2, "beta"), Map.entry(0x03B3, "gamma"),
            Map.entry(0x03B4, "delta"), Map.entry(0x0394, "Delta"), Map.entry(0x03B5, "epsilon"),
            Map.entry(0x03B7, "eta"), Map.entry(0x03B8, "theta"), Map.entry(0x03BB, "lambda"),
            Map.entry(0x03BC, "mu"), Map.entry(0x03C0, "pi"), Map.entry(0x03C3, "sigma"),
            Map.entry(0x03A3, "Sigma"), Map.entry(0x03C4, "tau"), Map.entry(0x03C6, "phi"),
            Map.entry(0x03C9, "omega"), Map.entry(0x2423, "_"), Map.entry(0x21B5, "\\n"),
            Map.entry(0x2588, "#"), Map.entry(0x2593, "#"), Map.entry(0x2592, ":"), Map.entry(0x2591, "."));

    private AsciiFold() {
    }

    /**
     * @param text    any text
     * @param unicode whether the terminal shows Unicode
     * @return the text unchanged when {@code unicode}, otherwise {@link #fold(String)} of it
     */
    public static String text(String text, boolean unicode) {
        return unicode ? text : fold(text);
    }

    /**
     * @param text any text
     * @return the text in printable ASCII (newlines and tabs are kept)
     */
    public static String fold(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
                foldFrom(text, i, sb);
                break;
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static void foldFrom(String text, int start, StringBuilder sb) {
        for (int i = start; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                sb.append((char) cp);
                continue;
            }
            String r = REPLACEMENTS.get(cp);
            if (r != null) {
                sb.append(r);
            } else if (cp >= 0x2500 && cp <= 0x257F) {
                sb.append(boxDrawing(cp));
            } else {
                sb.append(withoutAccents(cp));
            }
        }
    }

    private static char boxDrawing(int cp) {
        return switch (cp) {
            case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x2550 -> '-';
            case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x2551 -> '|';
            default -> '+';
        };
    }

    private static String withoutAccents(int cp) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder();
        for (int j = 0; j < decomposed.length(); j++) {
            char c = decomposed.charAt(j);
            if (c < 0x80) {
                base.append(c);
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                return "?";
            }
        }
        return base.length() == 0 ? "?" : base.toString();
    }
}
