package llmfs.tui.cli;

import llmfs.compute.text.BpeFile;
import llmfs.compute.text.BpeTokenizer;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tutor bpe train}: learns merges from a text file and saves the tokenizer. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Learn a BPE tokenizer from FILE and save it (a readable text file).",
                "Character-level by default, like the course: the base alphabet is the file's distinct",
                "characters. With --bytes the base is the 256 byte values, so any text can be encoded.",
                "Shows progress (merges learned) and a summary: merges, tokens, compression."})
public final class BpeTrainCommand implements Callable<Integer> {
    private final GlobalOptions global = new GlobalOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "The training text (UTF-8 unless --bytes)")
    Path input;

    @Option(names = "--vocab", required = true, paramLabel = "N",
            description = "Vocabulary size: base alphabet plus merges (the course uses 300 for Shakespeare)")
    int vocab;

    @Option(names = "--bytes", description = "Byte-level: start from the 256 byte values instead of the characters")
    boolean bytes;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "TOKENIZER",
            description = "Where to save the tokenizer, e.g. shakespeare.bpe")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        if (Files.isDirectory(output)) {
            throw new IllegalArgumentException(output + " is a folder; give the tokenizer a file name, e.g. "
                    + output.resolve("tokenizer.bpe"));
        }
        byte[] data = TokenizerFiles.read(input, "training file");
        String text = null;
        try {
            text = TokenizerFiles.utf8(data);
        } catch (TokenizerFiles.Malformed e) {
            if (!bytes) {
                throw new IllegalArgumentException(input + " is not UTF-8 text (" + e.getMessage() + "). A character-level"
                        + " tokenizer needs text; train a byte-level one with --bytes, which reads any file.");
            }
        }
        if (data.length == 0) {
            throw new IllegalArgumentException(input + " is empty: there is nothing to learn merges from");
        }
        List<String> base = bytes ? byteAlphabet() : charAlphabet(text);
        checkVocabFitsTheText(base.size(), bytes ? data.length : text.codePointCount(0, text.length()));
        Progress progress = new Progress(out, global.interactive(), base);
        long t0 = System.nanoTime();
        BpeTokenizer tok;
        try {
            tok = bytes ? BpeTokenizer.trainBytes(data, vocab, progress) : BpeTokenizer.train(text, vocab, progress);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(input + ": " + e.getMessage());
        } catch (OutOfMemoryError e) {
            // The trainer's tables are garbage once this unwinds, so the tutor can still say what happened.
            progress.close();
            int learned = progress.merges();
            throw new IllegalArgumentException(String.format(Locale.ROOT, "out of memory after learning %,d merges"
                    + " (the tutor may use %,d MB): a vocabulary of %,d does not fit. Ask for fewer, e.g. --vocab %,d,"
                    + " or give the tutor more memory: TUTOR_JAVA_OPTS=-Xmx8g bin/tutor bpe train ...", learned,
                    Runtime.getRuntime().maxMemory() >> 20, vocab, base.size() + learned / 2));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        progress.close();
        save(tok);
        summary(out, tok, data, text, seconds);
        out.flush();
        return 0;
    }

    /**
     * Each merge joins two neighbouring tokens into one, so a text of {@code symbols} characters (or bytes) allows at
     * most {@code symbols - 1} merges: a larger vocabulary cannot be learned from it, and asking for one (say a
     * billion) would only spend memory. Refused up front with the largest size this text allows.
     */
    private void checkVocabFitsTheText(int baseSize, long symbols) {
        long largest = baseSize + Math.max(0, symbols - 1);
        if (vocab > largest) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--vocab %,d is more than %s can give:"
                    + " each merge joins two neighbouring tokens, so its %,d %s allow at most %,d merges and a"
                    + " vocabulary of at most %,d (%,d base %s + merges). The course uses 300 for Tiny Shakespeare.",
                    vocab, input, symbols, bytes ? "bytes" : "characters", Math.max(0, symbols - 1), largest, baseSize,
                    bytes ? "byte values" : "characters"));
        }
    }

    private void save(BpeTokenizer tok) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            BpeFile.save(tok, output);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the tokenizer to " + output + ": "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()));
        }
    }

    private void summary(PrintWriter out, BpeTokenizer tok, byte[] data, String text, double seconds) {
        out.printf(Locale.ROOT, "Trained a %s BPE tokenizer on %s in %.1f s%n",
                tok.byteLevel() ? "byte-level" : "character-level", input, seconds);
        out.printf(Locale.ROOT, "  base alphabet  %,d %s%n", tok.baseSize(), tok.byteLevel() ? "byte values" : "characters");
        int asked = vocab - tok.baseSize();
        out.printf(Locale.ROOT, "  merges         %,d (vocab %,d)%s%n", tok.mergeCount(), tok.vocabSize(),
                tok.mergeCount() < asked ? String.format(Locale.ROOT, "; %,d were asked for, but the text ran out of"
                        + " repeated pairs", asked) : "");
        if (tok.mergeCount() > 0) {
            BpeTokenizer.Merge m = tok.merge(0);
            out.printf(Locale.ROOT, "  first merge    %s + %s -> %s (seen %,d times)%n", quoted(tok.piece(m.left())),
                    quoted(tok.piece(m.right())), quoted(tok.piece(m.id())), m.count());
        }
        if (text == null) {
            out.printf(Locale.ROOT, "  tokens         not counted: the file is not UTF-8 text (%,d bytes)%n", data.length);
        } else {
            int chars = text.codePointCount(0, text.length());
            int tokens = tok.encode(text).length;
            out.printf(Locale.ROOT, "  tokens         %,d %s -> %,d tokens%n", tok.byteLevel() ? data.length : chars,
                    tok.byteLevel() ? "bytes" : "characters", tokens);
            out.printf(Locale.ROOT, "  compression    %.2f characters per token%s%n", (double) chars / tokens,
                    tok.byteLevel() ? String.format(Locale.ROOT, " (%.2f bytes per token)", (double) data.length / tokens) : "");
        }
        out.println("Saved to " + output);
    }

    /** The base pieces of a character-level tokenizer: the text's distinct characters, sorted. */
    private static List<String> charAlphabet(String text) {
        List<String> base = new ArrayList<>();
        text.codePoints().distinct().sorted().forEach(cp -> base.add(new String(Character.toChars(cp))));
        return base;
    }

    /** The base pieces of a byte-level tokenizer, bytes outside ASCII shown as {@code \xHH}. */
    private static List<String> byteAlphabet() {
        List<String> base = new ArrayList<>();
        for (int b = 0; b < 256; b++) base.add(b < 0x80 ? String.valueOf((char) b) : String.format("\\x%02X", b));
        return base;
    }

    /**
     * A piece in single quotes with line breaks, tabs, quotes and other invisible characters escaped (a backslash
     * stays as it is, so byte-level pieces keep their readable {@code \xHH}).
     */
    static String quoted(String piece) {
        StringBuilder sb = new StringBuilder("'");
        piece.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\'' -> sb.append("\\'");
                default -> {
                    if (Character.isISOControl(cp)) sb.append(String.format("\\u%04x", cp));
                    else sb.appendCodePoint(cp);
                }
            }
        });
        return sb.append('\'').toString();
    }

    /**
     * Merges learned so far: a redrawn bar on a terminal; when piped, one line for the first merge and then every
     * 50th (or every tenth of the run for long ones), as the course's training log does.
     */
    private static final class Progress implements BpeTokenizer.Listener {
        private final PrintWriter out;
        private final boolean tty;
        private final boolean unicode = Caps.fromSystem().unicode();
        /** Each token's text so far, to show what a merge joined; cut to {@link #SHOWN} characters so memory stays
         *  proportional to the number of merges however long the pieces grow. */
        private final List<String> pieces;
        private static final int SHOWN = 40;
        private int merges;
        private long lastDraw;
        private boolean barShown;

        Progress(PrintWriter out, boolean tty, List<String> base) {
            this.out = out;
            this.tty = tty;
            this.pieces = new ArrayList<>(base);
        }

        @Override
        public void onMerge(int index, int total, BpeTokenizer.Merge merge) {
            String left = pieces.get(merge.left());
            String right = pieces.get(merge.right());
            String joined = left + right;
            pieces.add(joined.length() <= SHOWN ? joined : joined.substring(0, SHOWN) + "…");
            merges = index + 1;
            if (tty) {
                long now = System.nanoTime();
                if (now - lastDraw > 100_000_000L || index == total - 1) {
                    lastDraw = now;
                    String caption = String.format(Locale.ROOT, "merges %,d/%,d", index + 1, total);
                    out.print("\r" + ProgressBar.render(79, (index + 1.0) / total, caption, unicode) + "\u001b[K");
                    out.flush();
                    barShown = true;
                }
                return;
            }
            int every = Math.max(50, (total / 10 + 49) / 50 * 50);
            if (index % every == 0) {
                out.printf(Locale.ROOT, "merge %,d of %,d: %s + %s -> %s (count %,d)%n", index, total, quoted(left),
                        quoted(right), quoted(left + right), merge.count());
            }
        }

        /** How many merges were learned so far. */
        int merges() {
            return merges;
        }

        void close() {
            if (barShown) {
                out.print("\r\u001b[K");
                out.flush();
            }
        }
    }
}
