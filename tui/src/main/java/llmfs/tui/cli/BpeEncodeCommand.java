package llmfs.tui.cli;

import llmfs.compute.text.BpeTokenizer;
import llmfs.tui.text.TokenSplit;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.TokenText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tutor bpe encode}: text on standard input to token ids (or token pieces) on standard output. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Read text (UTF-8) from standard input and print its token ids, separated by spaces.",
                "With --pieces print each token's text instead, with spaces shown as \u2423 and line",
                "breaks as \u21b5 (_ and \\n on a plain terminal)."})
public final class BpeEncodeCommand implements Callable<Integer> {
    @Option(names = {"-t", "--tokenizer"}, required = true, paramLabel = "TOKENIZER",
            description = "A tokenizer saved by 'tutor bpe train'")
    Path tokenizerFile;

    @Option(names = "--pieces", description = "Show each token's text instead of its id")
    boolean pieces;

    @Override
    public Integer call() throws IOException {
        BpeTokenizer tok = TokenizerFiles.load(tokenizerFile);
        String text;
        try {
            text = TokenizerFiles.utf8(System.in.readAllBytes());
        } catch (TokenizerFiles.Malformed e) {
            throw new IllegalArgumentException("the input is not UTF-8 text (" + e.getMessage() + ")");
        }
        Optional<TokenSplit.Unknown> unknown = new TokenSplit(tok).firstUnknown(text);
        if (unknown.isPresent()) {
            TokenSplit.Unknown u = unknown.get();
            boolean visible = !Character.isWhitespace(u.codePoint()) && !Character.isISOControl(u.codePoint());
            throw new IllegalArgumentException("cannot encode " + (visible ? "'" + u.character() + "' (" + u.codePointName()
                    + ")" : "the character " + u.codePointName()) + " at line " + u.line() + ", column " + u.column()
                    + ": this character-level tokenizer never saw it in its training text, so it has no id for it."
                    + " Remove it, train on text that contains it, or train a byte-level tokenizer (--bytes), which"
                    + " encodes any text.");
        }
        int[] ids = tok.encode(text);
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        boolean unicode = Caps.fromSystem().unicode();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            if (pieces) {
                String p = tok.piece(ids[i]);
                line.append(TokenText.visible(p, unicode));
                // Start a new output line after a token that ends a line, so the pieces keep the text's shape.
                line.append(p.endsWith("\n") || i == ids.length - 1 ? "\n" : " ");
            } else {
                line.append(ids[i]).append(i == ids.length - 1 ? "\n" : " ");
            }
            if (line.length() > 8192) {
                out.print(line);
                line.setLength(0);
            }
        }
        out.print(line);
        out.flush();
        return 0;
    }
}
