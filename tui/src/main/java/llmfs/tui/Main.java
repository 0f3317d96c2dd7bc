package llmfs.tui;

import llmfs.tui.cli.BenchCommand;
import llmfs.tui.cli.BpeCommand;
import llmfs.tui.cli.ChatCommand;
import llmfs.tui.cli.CheckCommand;
import llmfs.tui.cli.ClassCommand;
import llmfs.tui.cli.DoctorCommand;
import llmfs.tui.cli.GlobalOptions;
import llmfs.tui.cli.HintCommand;
import llmfs.tui.cli.ListCommand;
import llmfs.tui.cli.ResetCommand;
import llmfs.tui.cli.RunsCommand;
import llmfs.tui.cli.ServeCommand;
import llmfs.tui.cli.SolutionCommand;
import llmfs.tui.cli.TrainCommand;
import llmfs.tui.cli.WatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** The one entry point: {@code tutor} opens the text UI; subcommands do the same work headless. */
@Command(name = "tutor", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"LLM from Scratch — build a language model from the ground up, in your terminal.",
                "Run without a command to open the tutor; the commands below work without the UI."},
        subcommands = {ListCommand.class, CheckCommand.class, HintCommand.class, ResetCommand.class,
                SolutionCommand.class, WatchCommand.class, TrainCommand.class, RunsCommand.class, ChatCommand.class,
                BpeCommand.class,
                DoctorCommand.class,
                BenchCommand.class, ServeCommand.class, ClassCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        global.applyDevice();
        return llmfs.tui.screens.TutorUi.run(GlobalOptions.workspaceOption(), new java.io.PrintWriter(System.err, true));
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        GlobalOptions.reset();
        CommandLine cl = new CommandLine(new Main());
        // The lab lists in these help texts come from the lab registry, so they cannot be annotation constants.
        cl.getSubcommands().get("train").getCommandSpec().usageMessage().description(TrainCommand.description());
        cl.getSubcommands().get("chat").getCommandSpec().usageMessage().description(ChatCommand.description());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // Expected problems (bad id, missing file, corrupt checkpoint) get one clear line, not a stack trace.
            cmd.getErr().println(cmd.getColorScheme().errorText("tutor: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage())));
            if (System.getenv("TUTOR_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return 2;
        });
        return cl.execute(args);
    }
}
