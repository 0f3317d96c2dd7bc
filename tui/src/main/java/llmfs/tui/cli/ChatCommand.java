package llmfs.tui.cli;

import llmfs.tui.chat.ChatModel;
import llmfs.tui.chat.ChatModels;
import llmfs.tui.chat.ChatRepl;
import llmfs.tui.chat.ChatSettings;
import llmfs.tui.chat.ChatTerminal;
import llmfs.tutor.lab.Lab;
import llmfs.tutor.lab.Labs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code tutor chat LAB}: talk to the model a lab trained. */
@Command(name = "chat", description = "Talk to the model a lab trained (the labs are listed below).",
        mixinStandardHelpOptions = true)
public final class ChatCommand implements Callable<Integer> {
    private final GlobalOptions global = new GlobalOptions();

    /** The help text: the general part, then one line per lab from the registry. */
    public static String[] description() {
        java.util.List<String> d = new java.util.ArrayList<>();
        d.add("Talk to the model a lab trained. Line editing and a history (in the workspace's .chat-history file) on a"
                + " terminal; plain lines when piped, e.g. printf 'ROMEO:\\n' | tutor chat shakespeare");
        for (Lab l : Labs.ALL) d.add(String.format(java.util.Locale.ROOT, "  %-12s %s", l.id(), l.chatHelp()));
        d.add("Inside: :help, :temp T, :n N, :len N, :seed S, :test (code), :quit (or Ctrl-D); sft and dpo also"
                + " :raw [TEXT] and :compare [QUESTION]. Ctrl-C stops a long answer.");
        return d.toArray(String[]::new);
    }

    @Parameters(index = "0", paramLabel = "LAB", description = "Which lab's model: its name or part number (see above)")
    String lab;

    @Option(names = "--corpus", paramLabel = "NAME", description = "names: the model trained on this list (indian,"
            + " the default, or english)")
    String corpus;

    @Option(names = "--config", paramLabel = "NAME", description = "gpt: the model trained with this configuration;"
            + " code: chars (default) or bpe")
    String config;

    @Option(names = "--bpe", description = "code: the model trained on BPE tokens (tutor train code --bpe)")
    boolean bpe;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the random numbers (default: a new one each"
            + " time); the same seed and input give the same answers")
    Long seed;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature from 0 to 5 (default "
            + ChatSettings.DEFAULT_TEMPERATURE + ")")
    Float temperature;

    @Override
    public Integer call() throws Exception {
        global.applyDevice();
        String id = Labs.resolve(lab);
        ChatModel model = ChatModels.load(id, corpus != null ? corpus : bpe ? "bpe" : config,
                global.workspaceDir(), global.corpora());
        ChatSettings settings = ChatRepl.defaults(model, seed != null ? seed : System.nanoTime());
        if (temperature != null) settings.setTemperature(temperature);
        ChatTerminal.run(new ChatRepl(model, settings), System.in, global.out(),
                ChatTerminal.historyFile(global.workspaceDir()));
        return 0;
    }
}
