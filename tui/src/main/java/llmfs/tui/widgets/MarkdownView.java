package llmfs.tui.widgets;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Markdown document (CommonMark with GFM tables) rendered as styled lines for the terminal; show it with a
 * {@link ScrollView}. Inline maths in {@code $...$} is kept as written.
 *
 * <p>The document is parsed once; the lines for each (width, unicode) pair are laid out on first request and
 * cached, keeping the few most recent layouts so that flipping between sizes during a resize stays cheap.
 * Thread-safe.
 */
public final class MarkdownView implements LineSource {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .customInlineContentParserFactory(new MathSpanParser())
            .build();
    private static final int CACHED_LAYOUTS = 4;

    private record Key(int width, boolean unicode) {
    }

    private final String source;
    private final Node document;
    private final Map<Key, List<StyledLine>> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<StyledLine>> eldest) {
            return size() > CACHED_LAYOUTS;
        }
    };

    /**
     * Parses a document.
     *
     * @param markdown the Markdown source
     */
    public MarkdownView(String markdown) {
        this.source = markdown;
        this.document = PARSER.parse(markdown);
    }

    /** @return the Markdown source */
    public String source() {
        return source;
    }

    @Override
    public synchronized List<StyledLine> lines(int width, boolean unicode) {
        if (width <= 0) {
            return List.of();
        }
        Key key = new Key(width, unicode);
        List<StyledLine> lines = cache.get(key);
        if (lines == null) {
            List<StyledLine> laidOut = new MarkdownLayout(unicode).render(document, width);
            List<StyledLine> clipped = new ArrayList<>(laidOut.size());
            String marker = unicode ? "\u2026" : ">";
            for (StyledLine line : laidOut) {
                // Layout keeps lines within the width except in degenerate cases (a table with more columns
                // than cells); this makes the promise unconditional.
                clipped.add(line.truncate(width, marker, Role.DIM));
            }
            lines = List.copyOf(clipped);
            cache.put(key, lines);
        }
        return lines;
    }
}
