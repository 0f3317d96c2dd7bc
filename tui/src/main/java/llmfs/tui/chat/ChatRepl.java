package llmfs.tui.chat;

import java.io.IOException;
import java.util.Locale;

/**
 * The chat loop: reads lines, runs {@code :commands}, and hands every other line to the model. It ends at the end
 * of the input (Ctrl-D), on {@code :quit}, or on Ctrl-C at an empty prompt; Ctrl-C with text typed only clears the
 * line. A bad command gets one line saying what is wrong and the chat goes on.
 */
public final class ChatRepl {
    private final ChatModel model;
    private final ChatSettings settings;
    private String intro;

    public ChatRepl(ChatModel model, ChatSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    /** Adds a line to the greeting (e.g. how to get back to where the chat was opened from). */
    public ChatRepl withIntro(String line) {
        intro = line;
        return this;
    }

    /** Settings for {@code model}'s defaults, with random numbers from {@code seed}. */
    public static ChatSettings defaults(ChatModel model, long seed) {
        int length = model instanceof TextChat t ? t.defaultLength()
                : model instanceof InstructChat ? InstructChat.ANSWER_LENGTH
                : model instanceof CodeChat ? CodeChat.DEFAULT_LENGTH : ChatModels.SHAKESPEARE_LENGTH;
        return new ChatSettings(length, seed);
    }

    /** The prompt shown before each line, e.g. {@code names> }. */
    public String prompt() {
        return model.lab() + "> ";
    }

    /** Runs until the input ends or the learner leaves. */
    public void run(LineSource in, ChatOutput out) throws IOException {
        try {
            loop(in, out);
        } finally {
            if (model instanceof CodeChat code) code.close(); // its check process, if :test started one
        }
    }

    private void loop(LineSource in, ChatOutput out) throws IOException {
        out.note(model.describe() + ". Type :help for commands.");
        if (intro != null) out.note(intro);
        while (true) {
            String line;
            try {
                line = in.readLine(prompt());
            } catch (LineSource.Interrupted e) {
                if (e.partial().isBlank()) return;
                continue;
            }
            if (line == null) return;
            String trimmed = line.strip();
            if (trimmed.startsWith(":")) {
                if (!command(trimmed, out)) return;
                continue;
            }
            out.clearStop();
            try {
                model.reply(line, settings, out);
            } catch (IllegalArgumentException e) {
                out.problem(e.getMessage());
            }
        }
    }

    /** Runs one {@code :command}; false means leave. */
    boolean command(String text, ChatOutput out) {
        String[] words = text.substring(1).trim().split("\\s+", 2);
        String name = words[0].toLowerCase(Locale.ROOT);
        String arg = words.length > 1 ? words[1].trim() : "";
        try {
            switch (name) {
                case "quit", "q", "exit" -> {
                    return false;
                }
                case "help", "h", "?" -> help(out);
                case "temp", "t", "temperature" -> {
                    if (!arg.isEmpty()) settings.setTemperature(number(arg, ":temp takes a number from 0 to 5,"
                            + " e.g. :temp 0.5"));
                    out.note(String.format(Locale.ROOT, "temperature %s", fmt(settings.temperature())));
                }
                case "n" -> {
                    if (!(model instanceof NamesChat)) {
                        throw new IllegalArgumentException(":n sets how many names the names model prints; here"
                                + " :len sets how long an answer is");
                    }
                    if (!arg.isEmpty()) settings.setNames(whole(arg, ":n takes a whole number, e.g. :n 5"));
                    out.note(settings.names() + " names per Enter");
                }
                case "len", "length" -> {
                    if (model instanceof InstructChat) {
                        if (!arg.isEmpty()) settings.setLength(whole(arg, ":len takes a whole number, e.g. :len 80"));
                        out.note("answers stop at the end marker or after " + settings.length() + " characters");
                        return true;
                    }
                    if (model instanceof CodeChat) {
                        if (!arg.isEmpty()) settings.setLength(whole(arg, ":len takes a whole number, e.g. :len 800"));
                        out.note("a method may run to " + settings.length() + " tokens");
                        return true;
                    }
                    if (!(model instanceof TextChat t)) {
                        throw new IllegalArgumentException(":len sets how long a Shakespeare answer is; names end"
                                + " by themselves (:n sets how many)");
                    }
                    if (!arg.isEmpty()) settings.setLength(whole(arg, ":len takes a whole number, e.g. :len 200"));
                    out.note("answers run to " + settings.length() + " " + t.unit());
                }
                case "test" -> {
                    if (!(model instanceof CodeChat code)) {
                        throw new IllegalArgumentException(":test is for the code model: it runs a method's unit tests");
                    }
                    code.test(out);
                }
                case "seed" -> {
                    if (arg.isEmpty()) {
                        out.note("seed " + settings.seed() + " (:seed S starts the random numbers again from S)");
                    } else {
                        long s;
                        try {
                            s = Long.parseLong(arg);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(":seed takes a whole number, e.g. :seed 42");
                        }
                        settings.setSeed(s);
                        out.note("seed " + s + ": the same input now gives the same answers again");
                    }
                }
                default -> {
                    if (!(model instanceof InstructChat ic && ic.command(name, arg, settings, out))) {
                        throw new IllegalArgumentException("unknown command ':" + words[0] + "'; :help lists the"
                                + " commands");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            out.problem(e.getMessage());
        }
        return true;
    }

    private void help(ChatOutput out) {
        out.note(model.usage());
        out.note("  :temp T   temperature from 0 to 5 (now " + fmt(settings.temperature())
                + "); 0 always takes the likeliest");
        if (model instanceof NamesChat) {
            out.note("  :n N      names per Enter (now " + settings.names() + ")");
        } else if (model instanceof TextChat t) {
            out.note("  :len N    " + t.unit() + " per answer (now " + settings.length() + ")");
        } else if (model instanceof InstructChat ic) {
            out.note("  :len N    the most characters an answer may run to (now " + settings.length() + ")");
            ic.commandHelp().forEach(out::note);
        } else if (model instanceof CodeChat) {
            out.note("  :len N    tokens a method may run to (now " + settings.length() + ")");
            out.note("  :test     compile the last method with the corpus's tests for its name and run them");
        }
        out.note("  :seed S   start the random numbers again from S: the same input gives the same answer");
        out.note("  :quit     leave (or Ctrl-D); Ctrl-C stops a long answer");
    }

    private static float number(String s, String usage) {
        try {
            float f = Float.parseFloat(s);
            if (!Float.isFinite(f)) throw new NumberFormatException(s);
            return f;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage);
        }
    }

    private static int whole(String s, String usage) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage);
        }
    }

    private static String fmt(float f) {
        return f == Math.rint(f) ? String.format(Locale.ROOT, "%.0f", f) : Float.toString(f);
    }
}
