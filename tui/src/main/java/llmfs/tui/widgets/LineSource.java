package llmfs.tui.widgets;

import java.util.List;

/**
 * Content laid out as lines for a given width, such as a rendered lesson. {@link ScrollView} shows a window
 * onto it.
 */
public interface LineSource {

    /**
     * Lays the content out.
     *
     * @param width   the number of columns available; no returned line may be wider
     * @param unicode whether non-ASCII glyphs may be used
     * @return the lines, top to bottom (an immutable list)
     */
    List<StyledLine> lines(int width, boolean unicode);
}
