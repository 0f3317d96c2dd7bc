package llmfs.tui.cli;

import llmfs.compute.train.TrainEvent;
import llmfs.compute.train.TrainListener;
import llmfs.tui.widgets.ProgressBar;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Training progress for the command line: a redrawn one-line bar on a terminal, or one plain line per evaluation
 * (and a heartbeat every 10 s) when the output is piped into a file or another program.
 */
final class CliProgress implements TrainListener {
    private final PrintWriter out;
    private final boolean tty;
    private long lastDraw;
    private long lastPlain;
    private float lastVal = Float.NaN;
    private float lastTrain = Float.NaN;
    private boolean barShown;

    CliProgress(PrintWriter out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    @Override
    public synchronized void on(TrainEvent e) {
        long now = System.nanoTime();
        if (e instanceof TrainEvent.Started s) {
            line(String.format(Locale.ROOT, "Training %s on the %s backend: %,d steps%s", "model", s.backend(),
                    s.totalSteps(), s.startStep() > 0 ? String.format(Locale.ROOT, " (resuming at %,d)", s.startStep()) : ""));
        } else if (e instanceof TrainEvent.Eval v) {
            lastTrain = v.trainLoss();
            lastVal = v.valLoss();
            if (!tty) line(String.format(Locale.ROOT, "step %,d  epoch %d  train %.4f  val %.4f", v.step(), v.epoch(),
                    v.trainLoss(), v.valLoss()));
        } else if (e instanceof TrainEvent.Step s) {
            if (tty && now - lastDraw > 100_000_000L) {
                lastDraw = now;
                String text = String.format(Locale.ROOT, "step %,d/%,d · loss %.3f · val %s · %,.0f tok/s · ETA %s",
                        s.step(), s.totalSteps(), s.loss(), Float.isNaN(lastVal) ? "–" : String.format(Locale.ROOT, "%.3f", lastVal),
                        s.tokensPerSecond(), duration(s.etaSeconds()));
                out.print("\r" + ProgressBar.render(width(), s.fraction(), text, unicode()) + "\u001b[K");
                out.flush();
                barShown = true;
            } else if (!tty && now - lastPlain > 10_000_000_000L) {
                lastPlain = now;
                line(String.format(Locale.ROOT, "step %,d/%,d  loss %.4f  %,.0f tok/s  ETA %s", s.step(), s.totalSteps(),
                        s.loss(), s.tokensPerSecond(), duration(s.etaSeconds())));
            }
        } else if (e instanceof TrainEvent.Measures m) {
            if (!tty) {
                StringBuilder sb = new StringBuilder("step " + String.format(Locale.ROOT, "%,d", m.step()));
                m.values().forEach((k, v) -> sb.append("  ").append(k).append(' ')
                        .append(String.format(Locale.ROOT, "%.3f", v)));
                line(sb.toString());
            }
        } else if (e instanceof TrainEvent.Sample s) {
            if (!tty) line("sample: " + s.text());
        }
    }

    private void line(String s) {
        if (barShown) {
            out.print("\r\u001b[K");
            barShown = false;
        }
        out.println(s);
        out.flush();
    }

    void close() {
        if (barShown) {
            out.print("\r\u001b[K");
            out.flush();
            barShown = false;
        }
    }

    private static int width() {
        String cols = System.getenv("COLUMNS");
        try {
            if (cols != null) return Math.max(40, Integer.parseInt(cols.trim()) - 1);
        } catch (NumberFormatException ignored) {
            // fall through to the default width
        }
        return 79;
    }

    private static boolean unicode() {
        return llmfs.tui.widgets.Caps.fromEnvironment(System.getenv()).unicode();
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) return "–";
        long s = Math.round(seconds);
        if (s >= 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
