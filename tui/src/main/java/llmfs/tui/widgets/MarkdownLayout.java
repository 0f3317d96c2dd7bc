package llmfs.tui.widgets;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parsed Markdown document into styled lines of a given width. Block by block: headings (bold, ruled
 * under levels 1 and 2), wrapped paragraphs, verbatim code blocks (indented, clipped with a marker rather than
 * re-wrapped), lists with hanging indents, quotes behind a bar, tables, and rules. Nested blocks are laid out
 * at a reduced width and then prefixed, so indentation composes.
 */
final class MarkdownLayout {

    private static final String UNICODE_BULLETS = "\u2022\u25E6\u25AA";
    private static final String ASCII_BULLETS = "*-+";
    private static final int TAB = 4;

    private final boolean unicode;

    MarkdownLayout(boolean unicode) {
        this.unicode = unicode;
    }

    /**
     * @param document the parsed document
     * @param width    columns available, at least 1
     * @return the lines
     */
    List<StyledLine> render(Node document, int width) {
        return blocks(document, width, true, 0);
    }

    /** The children of a container, separated by a blank line when {@code spaced}. */
    private List<StyledLine> blocks(Node parent, int width, boolean spaced, int depth) {
        List<StyledLine> out = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            List<StyledLine> lines = block(child, width, depth);
            if (lines.isEmpty()) {
                continue;
            }
            if (spaced && !out.isEmpty()) {
                out.add(StyledLine.EMPTY);
            }
            out.addAll(lines);
        }
        return out;
    }

    private List<StyledLine> block(Node node, int width, int depth) {
        if (node instanceof Heading h) {
            return heading(h, width);
        }
        if (node instanceof Paragraph) {
            return TextWrap.wrap(inlines(node, Role.TEXT, false), width);
        }
        if (node instanceof FencedCodeBlock code) {
            return verbatim(code.getLiteral(), width, Role.CODE);
        }
        if (node instanceof IndentedCodeBlock code) {
            return verbatim(code.getLiteral(), width, Role.CODE);
        }
        if (node instanceof HtmlBlock html) {
            return verbatim(html.getLiteral(), width, Role.DIM);
        }
        if (node instanceof ListBlock list) {
            return list(list, width, depth);
        }
        if (node instanceof BlockQuote) {
            return prefixed(blocks(node, Math.max(1, width - 2), true, depth), unicode ? "\u2502 " : "> ");
        }
        if (node instanceof ThematicBreak) {
            return List.of(StyledLine.of((unicode ? "\u2500" : "-").repeat(width), Role.DIM));
        }
        if (node instanceof TableBlock table) {
            return table(table, width);
        }
        if (node instanceof LinkReferenceDefinition) {
            return List.of();
        }
        return blocks(node, width, true, depth);
    }

    private List<StyledLine> heading(Heading h, int width) {
        List<StyledLine> lines = new ArrayList<>(TextWrap.wrap(inlines(h, Role.HEADING, true), width));
        if (h.getLevel() <= 2) {
            int ruleWidth = 0;
            for (StyledLine l : lines) {
                ruleWidth = Math.max(ruleWidth, l.width());
            }
            String rule = h.getLevel() == 1 ? (unicode ? "\u2550" : "=") : (unicode ? "\u2500" : "-");
            lines.add(StyledLine.of(rule.repeat(ruleWidth), Role.DIM));
        }
        return lines;
    }

    /** Code as written: tabs expanded, indented by two, too-long lines cut with a marker. */
    private List<StyledLine> verbatim(String literal, int width, Role role) {
        List<String> rows = new ArrayList<>(List.of(literal.split("\n", -1)));
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        int indent = width >= 8 ? 2 : 0;
        int room = width - indent;
        String marker = unicode ? "\u2026" : ">";
        List<StyledLine> out = new ArrayList<>();
        for (String raw : rows) {
            String text = AsciiFold.text(expandTabs(raw), unicode);
            StyledLine.Builder b = new StyledLine.Builder().append(" ".repeat(indent), Role.TEXT, false);
            int len = text.codePointCount(0, text.length());
            if (len > room) {
                int keep = Math.max(0, room - 1);
                b.append(text.substring(0, text.offsetByCodePoints(0, keep)), role, false);
                b.append(marker, Role.DIM, false);
            } else {
                b.append(text, role, false);
            }
            out.add(b.build());
        }
        return out;
    }

    private static String expandTabs(String s) {
        if (s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                do {
                    sb.append(' ');
                } while (sb.length() % TAB != 0);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private List<StyledLine> list(ListBlock list, int width, int depth) {
        List<ListItem> items = new ArrayList<>();
        for (Node c = list.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof ListItem item) {
                items.add(item);
            }
        }
        List<String> markers = new ArrayList<>();
        if (list instanceof OrderedList ordered) {
            int start = ordered.getMarkerStartNumber() == null ? 1 : ordered.getMarkerStartNumber();
            String delimiter = ordered.getMarkerDelimiter() == null ? "." : ordered.getMarkerDelimiter();
            int digits = String.valueOf(start + Math.max(0, items.size() - 1)).length();
            for (int i = 0; i < items.size(); i++) {
                String number = String.valueOf(start + i);
                markers.add(" ".repeat(digits - number.length()) + number + delimiter + " ");
            }
        } else {
            String bullets = unicode ? UNICODE_BULLETS : ASCII_BULLETS;
            String bullet = bullets.charAt(depth % bullets.length()) + " ";
            for (int i = 0; i < items.size(); i++) {
                markers.add(bullet);
            }
        }
        boolean tight = list.isTight();
        List<StyledLine> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String marker = markers.get(i);
            int inner = Math.max(1, width - marker.length());
            List<StyledLine> body = blocks(items.get(i), inner, !tight, depth + 1);
            if (!tight && i > 0) {
                out.add(StyledLine.EMPTY);
            }
            String hang = " ".repeat(marker.length());
            for (int k = 0; k < Math.max(1, body.size()); k++) {
                StyledLine.Builder b = new StyledLine.Builder();
                if (k == 0) {
                    b.append(marker, Role.ACCENT, false);
                } else {
                    b.append(hang, Role.TEXT, false);
                }
                if (k < body.size()) {
                    b.append(body.get(k));
                }
                out.add(b.build());
            }
        }
        return out;
    }

    private static List<StyledLine> prefixed(List<StyledLine> lines, String prefix) {
        List<StyledLine> out = new ArrayList<>(lines.size());
        for (StyledLine l : lines) {
            out.add(new StyledLine.Builder().append(prefix, Role.DIM, false).append(l).build());
        }
        return out;
    }

    private List<StyledLine> table(TableBlock table, int width) {
        List<StyledLine> header = new ArrayList<>();
        List<List<StyledLine>> body = new ArrayList<>();
        List<MarkdownTable.Align> aligns = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<StyledLine> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    List<Span> spans = head ? inlines(cell, Role.HEADING, true) : inlines(cell, Role.TEXT, false);
                    cells.add(singleLine(spans));
                    if (head && cell instanceof TableCell tc) {
                        aligns.add(align(tc.getAlignment()));
                    }
                }
                if (head) {
                    header = cells;
                } else {
                    body.add(cells);
                }
            }
        }
        return MarkdownTable.layout(header, body, aligns, width, unicode);
    }

    private static MarkdownTable.Align align(TableCell.Alignment a) {
        if (a == null) {
            return MarkdownTable.Align.LEFT;
        }
        return switch (a) {
            case CENTER -> MarkdownTable.Align.CENTER;
            case RIGHT -> MarkdownTable.Align.RIGHT;
            default -> MarkdownTable.Align.LEFT;
        };
    }

    private static StyledLine singleLine(List<Span> spans) {
        StyledLine.Builder b = new StyledLine.Builder();
        for (Span s : spans) {
            b.append(s.text().replace('\n', ' '), s.role(), s.bold());
        }
        return b.build();
    }

    /** Flattens the inline children of a node into styled spans. */
    private List<Span> inlines(Node parent, Role role, boolean bold) {
        List<Span> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
            inline(c, role, bold, out);
        }
        return out;
    }

    private void inline(Node n, Role role, boolean bold, List<Span> out) {
        if (n instanceof Text t) {
            out.add(new Span(AsciiFold.text(t.getLiteral(), unicode), role, bold));
        } else if (n instanceof Code code) {
            out.add(new Span(AsciiFold.text(code.getLiteral(), unicode), Role.CODE, bold));
        } else if (n instanceof MathSpan math) {
            out.add(new Span(AsciiFold.text(math.literal(), unicode), role, bold));
        } else if (n instanceof Emphasis) {
            // Terminals cannot be relied on for italics, so emphasis is shown by colour.
            out.addAll(inlines(n, role == Role.TEXT ? Role.ACCENT : role, bold));
        } else if (n instanceof StrongEmphasis) {
            out.addAll(inlines(n, role, true));
        } else if (n instanceof Link link) {
            List<Span> text = inlines(n, role == Role.TEXT ? Role.ACCENT : role, bold);
            out.addAll(text);
            String url = link.getDestination() == null ? "" : link.getDestination();
            if (!url.isEmpty() && !url.equals(plain(text)) && !("mailto:" + plain(text)).equals(url)) {
                out.add(Span.of(" (" + AsciiFold.text(url, unicode) + ")", Role.DIM));
            }
        } else if (n instanceof Image) {
            String alt = plain(inlines(n, role, bold));
            out.add(Span.of("[" + (alt.isEmpty() ? "image" : "image: " + alt) + "]", Role.DIM));
        } else if (n instanceof SoftLineBreak) {
            out.add(new Span(" ", role, bold));
        } else if (n instanceof HardLineBreak) {
            out.add(new Span("\n", role, bold));
        } else if (n instanceof HtmlInline html) {
            out.add(Span.of(AsciiFold.text(html.getLiteral(), unicode), Role.DIM));
        } else {
            out.addAll(inlines(n, role, bold));
        }
    }

    private static String plain(List<Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(s.text());
        }
        return sb.toString();
    }
}
