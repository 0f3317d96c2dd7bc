package llmfs.tui.widgets;

import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

import java.util.Set;

/**
 * Teaches commonmark-java to leave {@code $...$} and {@code $$...$$} alone: from an opening dollar run it
 * takes everything up to the next run of the same length as one {@link MathSpan}. An escaped {@code \$} never
 * reaches this parser, and a dollar without a partner stays ordinary text.
 */
final class MathSpanParser implements InlineContentParserFactory {

    @Override
    public Set<Character> getTriggerCharacters() {
        return Set.of('$');
    }

    @Override
    public InlineContentParser create() {
        return MathSpanParser::parse;
    }

    private static ParsedInline parse(InlineParserState state) {
        Scanner scanner = state.scanner();
        Position start = scanner.position();
        int opening = scanner.matchMultiple('$');
        if (opening > 2) {
            return ParsedInline.none();
        }
        while (scanner.find('$') >= 0) {
            Position closeStart = scanner.position();
            int closing = scanner.matchMultiple('$');
            if (closing == opening) {
                Position end = scanner.position();
                String source = scanner.getSource(start, end).getContent();
                if (source.length() == 2 * opening) {
                    // "$$" on its own (or "$$$$") is not maths.
                    return ParsedInline.none();
                }
                return ParsedInline.of(new MathSpan(source.replace('\n', ' ')), end);
            }
            if (closing == 0) {
                scanner.setPosition(closeStart);
                scanner.next();
            }
        }
        return ParsedInline.none();
    }
}
