package llmfs.tui.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code tutor bpe}: train a byte-pair-encoding tokenizer and use it on text, from the command line. */
@Command(name = "bpe", mixinStandardHelpOptions = true,
        description = {"Train a BPE tokenizer on a text file, and turn text into token ids and back (Part 3).",
                "Examples:",
                "  tutor bpe train --vocab 300 corpora/tinyshakespeare.txt -o shakespeare.bpe",
                "  echo 'To be or not to be' | tutor bpe encode -t shakespeare.bpe --pieces",
                "  echo '227 197 77' | tutor bpe decode -t shakespeare.bpe"},
        subcommands = {BpeTrainCommand.class, BpeEncodeCommand.class, BpeDecodeCommand.class})
public final class BpeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "tutor bpe needs a command: train, encode or decode");
    }
}
