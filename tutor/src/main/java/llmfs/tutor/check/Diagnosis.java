package llmfs.tutor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Names the class of mistake behind a wrong answer by probing the learner's code on a few inputs chosen to tell
 * mistakes apart. Unlike {@link WrongVariants}, which compares one output, a suspect is named only when its probe
 * confirms it: the learner's code behaves exactly like the mistake on every probe input, and on at least one of
 * them the mistake differs from the correct answer (so a probe never confirms correct behaviour).
 *
 * <pre>{@code
 * Optional<Diagnosis.Found> bug = Diagnosis.within(1e-6, 1e-6)
 *         .suspect("sum-not-mean", "the row losses are summed; divide by the number of rows.",
 *                  probes, learner::loss, in -> sum(in), in -> mean(in))
 *         .find();
 * }</pre>
 *
 * <p>Suspects are tried in the order added; a probe whose learner call throws does not confirm.
 */
public final class Diagnosis {
    /** A confirmed mistake: its name (a wrong variant's file name) and what to tell the learner. */
    public record Found(String name, String explanation) {
        /** {@code failure} with this mistake named and explained under its details. */
        public CheckReport explain(CheckReport failure) {
            return new CheckReport(false, failure.headline(), failure.details() + "\n\nLikely bug (" + name + "): "
                    + explanation, failure.maxError(), failure.firstDiff(), name);
        }
    }

    private record Suspect(String name, String explanation, BooleanSupplier confirmed) {
    }

    private final double atol, rtol;
    private final List<Suspect> suspects = new ArrayList<>();

    private Diagnosis(double atol, double rtol) {
        this.atol = atol;
        this.rtol = rtol;
    }

    /** An empty diagnosis whose numeric comparisons use {@code atol + rtol * |expected|}. */
    public static Diagnosis within(double atol, double rtol) {
        return new Diagnosis(atol, rtol);
    }

    /** An empty diagnosis comparing outputs exactly. */
    public static Diagnosis exact() {
        return new Diagnosis(0, 0);
    }

    /**
     * A suspect confirmed when {@code learner} equals {@code mistake} on every probe and {@code mistake} differs
     * from {@code correct} on at least one.
     */
    public <I> Diagnosis suspect(String name, String explanation, List<I> probes, Function<I, ?> learner,
                                 Function<I, ?> mistake, Function<I, ?> correct) {
        suspects.add(new Suspect(name, explanation, () -> {
            boolean tells = false;
            for (I in : probes) {
                Object wrong = mistake.apply(in);
                Object got = learner.apply(in);
                if (!WrongVariants.same(wrong, got, atol, rtol)) return false;
                if (!WrongVariants.same(correct.apply(in), wrong, atol, rtol)) tells = true;
            }
            return tells;
        }));
        return this;
    }

    /** A suspect with a hand-written probe: {@code confirmed} returns true only when the mistake is certain. */
    public Diagnosis suspect(String name, String explanation, BooleanSupplier confirmed) {
        suspects.add(new Suspect(name, explanation, confirmed));
        return this;
    }

    /** The first confirmed suspect. Exceptions from the learner's code (or a mistake's model) count as "no". */
    public Optional<Found> find() {
        for (Suspect s : suspects) {
            boolean yes;
            try {
                yes = s.confirmed().getAsBoolean();
            } catch (RuntimeException | StackOverflowError e) {
                yes = false;
            }
            if (yes) return Optional.of(new Found(s.name(), s.explanation()));
        }
        return Optional.empty();
    }

    /** {@code failure}, with the first confirmed suspect named when there is one. */
    public CheckReport explain(CheckReport failure) {
        return find().map(f -> f.explain(failure)).orElse(failure);
    }
}
