package llmfs.tui.chat;

import llmfs.compute.Rng;
import llmfs.compute.sample.Sampler;

/**
 * What the learner has set in a chat: the sampling temperature, how many names an Enter prints, how long a
 * continuation runs, and the random numbers (restartable from a seed, so an answer can be repeated).
 */
public final class ChatSettings {
    /** The course's sampling temperature. */
    public static final float DEFAULT_TEMPERATURE = 0.8f;
    /** Above this the samples are noise; the limit keeps a typo like {@code :temp 80} from looking like a bug. */
    public static final float MAX_TEMPERATURE = 5f;
    /** Names printed per Enter unless {@code :n} says otherwise. */
    public static final int DEFAULT_NAMES = 10;
    /** Upper limit for {@code :n} and {@code :len}. */
    public static final int MAX_COUNT = 10_000;

    private float temperature = DEFAULT_TEMPERATURE;
    private int names = DEFAULT_NAMES;
    private int length;
    private long seed;
    private Rng rng;

    /**
     * @param length tokens a continuation runs to (characters for a character model)
     * @param seed   the first seed of the random numbers
     */
    public ChatSettings(int length, long seed) {
        setLength(length);
        setSeed(seed);
    }

    public float temperature() {
        return temperature;
    }

    /** @throws IllegalArgumentException unless {@code 0 <= t <= 5}; 0 always picks the likeliest token */
    public void setTemperature(float t) {
        if (!(t >= 0 && t <= MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("the temperature must be a number from 0 to " + (int) MAX_TEMPERATURE
                    + " (0.8 is the course's; 0 always picks the likeliest next token), e.g. :temp 0.5");
        }
        temperature = t;
    }

    public int names() {
        return names;
    }

    /** @throws IllegalArgumentException unless {@code 1 <= n <= }{@value #MAX_COUNT} */
    public void setNames(int n) {
        if (n < 1 || n > MAX_COUNT) {
            throw new IllegalArgumentException("the number of names must be from 1 to " + MAX_COUNT + ", e.g. :n 5");
        }
        names = n;
    }

    public int length() {
        return length;
    }

    /** @throws IllegalArgumentException unless {@code 1 <= n <= }{@value #MAX_COUNT} */
    public void setLength(int n) {
        if (n < 1 || n > MAX_COUNT) {
            throw new IllegalArgumentException("the length must be from 1 to " + MAX_COUNT + ", e.g. :len 200");
        }
        length = n;
    }

    public long seed() {
        return seed;
    }

    /** Restarts the random numbers: the same seed and settings give the same answers again. */
    public void setSeed(long s) {
        seed = s;
        rng = new Rng(s);
    }

    /** The random numbers, continuing from the last answer. */
    public Rng rng() {
        return rng;
    }

    /** Sampler settings for the current temperature. */
    public Sampler.Settings sampling() {
        return Sampler.Settings.temperature(temperature);
    }
}
