package llmfs.tutor.checks.part1;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.WrongVariants;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Exercise 1.1: {@code itos} ('.' then sorted letters) and {@code stoi} (its inverse) on random name lists. */
public final class VocabularyCheck implements ExerciseCheck {

    static char[] reference(List<String> names) {
        TreeSet<Character> s = new TreeSet<>();
        for (String n : names) for (char c : n.toCharArray()) s.add(c);
        char[] t = new char[s.size() + 1];
        t[0] = '.';
        int i = 1;
        for (char c : s) t[i++] = c;
        return t;
    }

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("Vocabulary");
        Method itos = ctx.staticMethod(c, "itos", char[].class, List.class);
        Method stoi = ctx.staticMethod(c, "stoi", Map.class, char[].class);
        Rng rng = ctx.rng();
        for (int round = 0; round < 25; round++) {
            List<String> names = round == 0 ? List.of("raj", "subin", "priya") : randomNames(rng);
            char[] want = reference(names);
            char[] got = (char[]) ctx.call(itos, new ArrayList<>(names));
            if (!Arrays.equals(want, got)) {
                Optional<String> bug = WrongVariants.catalogue()
                        .add("no-dot", () -> Arrays.copyOfRange(want, 1, want.length))
                        .add("dot-last", () -> {
                            char[] w = Arrays.copyOfRange(want, 1, want.length + 1);
                            w[w.length - 1] = '.';
                            return w;
                        })
                        .add("unsorted", () -> firstSeenOrder(names))
                        .match(got, 0, 0);
                String details = "names:    " + names + "\nexpected: " + show(want) + "\ngot:      " + show(got)
                        + bug.map(b -> "\n\nLikely bug (" + b + "): " + explain(b)).orElse("");
                return CheckReport.fail("itos is not '.' followed by the sorted distinct letters", details)
                        .withFirstDiff(firstDiff(want, got)).withLikelyBug(bug.orElse(null));
            }
            @SuppressWarnings("unchecked")
            Map<Character, Integer> m = (Map<Character, Integer>) ctx.call(stoi, (Object) want.clone());
            if (m == null || m.size() != want.length) {
                return CheckReport.fail("stoi should have one entry per character of itos",
                        "itos: " + show(want) + "\nexpected " + want.length + " entries, got "
                                + (m == null ? "null" : m.size()));
            }
            for (int i = 0; i < want.length; i++) {
                Integer id = m.get(want[i]);
                if (id == null || id != i) {
                    return CheckReport.fail("stoi does not invert itos",
                            "itos: " + show(want) + "\nstoi['" + want[i] + "'] should be " + i + " but is " + id)
                            .withFirstDiff("'" + want[i] + "': expected " + i + " but got " + id);
                }
            }
        }
        return CheckReport.pass("itos and stoi match the reference on 25 name lists ('.' → 0, then the letters in order)");
    }

    static String explain(String bug) {
        switch (bug) {
            case "no-dot": return "the '.' start/end marker is missing; it must come first, with id 0.";
            case "dot-last": return "'.' is at the end; it must be at index 0 so that padding uses id 0.";
            case "unsorted": return "the letters are in the order they first appear; sort them (a TreeSet does).";
            default: return bug;
        }
    }

    private static char[] firstSeenOrder(List<String> names) {
        LinkedHashSet<Character> s = new LinkedHashSet<>();
        for (String n : names) for (char c : n.toCharArray()) s.add(c);
        char[] t = new char[s.size() + 1];
        t[0] = '.';
        int i = 1;
        for (char c : s) t[i++] = c;
        return t;
    }

    /** 1–12 names of 1–9 letters drawn from a random subset of the alphabet. */
    static List<String> randomNames(Rng rng) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz";
        int k = 2 + rng.nextInt(25);
        List<Character> pool = new ArrayList<>();
        for (char ch : alphabet.toCharArray()) pool.add(ch);
        rng.shuffle(pool);
        pool = pool.subList(0, k);
        int n = 1 + rng.nextInt(12);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + rng.nextInt(9);
            for (int j = 0; j < len; j++) sb.append(pool.get(rng.nextInt(pool.size())));
            names.add(sb.toString());
        }
        return names;
    }

    static String show(char[] t) {
        if (t == null) return "null";
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < t.length; i++) sb.append(i == 0 ? "" : " ").append(t[i]);
        return sb.append("]  (").append(t.length).append(" entries)").toString();
    }

    private static String firstDiff(char[] want, char[] got) {
        if (got == null) return "got null";
        for (int i = 0; i < Math.min(want.length, got.length); i++) {
            if (want[i] != got[i]) return "at [" + i + "]: expected '" + want[i] + "' but got '" + got[i] + "'";
        }
        return "expected " + want.length + " entries but got " + got.length;
    }
}
