package llmfs.tui.cli;

import llmfs.compute.text.BpeTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tutor bpe decode}: token ids on standard input back to the exact text on standard output. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Read token ids (whole numbers separated by spaces or line breaks) from standard input and",
                "write the text they stand for, byte for byte, with nothing added (no final line break)."})
public final class BpeDecodeCommand implements Callable<Integer> {
    @Option(names = {"-t", "--tokenizer"}, required = true, paramLabel = "TOKENIZER",
            description = "A tokenizer saved by 'tutor bpe train'")
    Path tokenizerFile;

    @Override
    public Integer call() throws IOException {
        BpeTokenizer tok = TokenizerFiles.load(tokenizerFile);
        String input = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
        String[] items = input.isEmpty() ? new String[0] : input.split("\\s+");
        int last = tok.vocabSize() - 1;
        byte[][] parts = new byte[items.length][];
        for (int i = 0; i < items.length; i++) {
            int id = parseId(items[i], i, last);
            parts[i] = tok.pieceBytes(id); // the exact bytes: a byte-level token may hold half a character
        }
        // Everything is checked before the first byte is written, so a bad id leaves no partial output behind.
        OutputStream out = new BufferedOutputStream(System.out);
        for (byte[] p : parts) out.write(p);
        out.flush();
        return 0;
    }

    private static int parseId(String item, int index, int last) {
        String where = "(item " + (index + 1) + " of the input)";
        boolean digits = item.matches("-?[0-9]+");
        if (!digits) {
            throw new IllegalArgumentException("'" + shorten(item) + "' " + where + " is not a token id: ids are whole"
                    + " numbers from 0 to " + last + ", separated by spaces or line breaks");
        }
        long id;
        try {
            id = Long.parseLong(item);
        } catch (NumberFormatException e) {
            id = Long.MAX_VALUE; // too many digits: certainly out of range
        }
        if (id < 0 || id > last) {
            throw new IllegalArgumentException("token id " + shorten(item) + " " + where + " is out of range: this"
                    + " tokenizer has " + (last + 1) + " tokens, ids 0 to " + last);
        }
        return (int) id;
    }

    private static String shorten(String s) {
        return s.length() > 24 ? s.substring(0, 20) + "…" : s;
    }
}
