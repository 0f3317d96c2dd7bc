package llmfs.tutor.checks.part1;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Diagnosis;
import llmfs.tutor.check.Shrink;
import llmfs.tutor.check.ExerciseCheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

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

    /**
     * Fixed rounds before the random ones, smallest first: an empty list, an empty name, one letter, repeated
     * letters, capitals, hyphens and apostrophes, letters beyond ASCII.
     */
    static final List<List<String>> EDGES = List.of(
            List.of(),
            List.of(""),
            List.of("a"),
            List.of("anna", "anna"),
            List.of("raj", "subin", "priya"),
            List.of("Zoe", "amy"),
            List.of("jo-ann", "o'neil"),
            List.of("Anne-Marie", "D'Arcy", "zoë", "józef"));

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("Vocabulary");
        Method itos = ctx.staticMethod(c, "itos", char[].class, List.class);
        Method stoi = ctx.staticMethod(c, "stoi", Map.class, char[].class);
        Rng rng = ctx.rng();
        Function<List<String>, char[]> learnerItos = names -> {
            ctx.input("itos(" + quoted(names) + ")");
            return (char[]) ctx.call(itos, new ArrayList<>(names));
        };
        int rounds = EDGES.size() + 25;
        for (int round = 0; round < rounds; round++) {
            List<String> names = round < EDGES.size() ? EDGES.get(round) : randomNames(rng);
            char[] want = reference(names);
            char[] got = learnerItos.apply(names);
            if (!Arrays.equals(want, got)) {
                List<String> small = round < EDGES.size() ? names : Shrink.list(names,
                        l -> !Arrays.equals(reference(l), learnerItos.apply(l)), 40);
                return itosFailure(small, reference(small), learnerItos.apply(small), learnerItos);
            }
            ctx.input("stoi(" + new String(want) + ")");
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
                    CheckReport r = CheckReport.fail("stoi does not invert itos",
                            "itos: " + show(want) + "\nstoi['" + want[i] + "'] should be " + i + " but is " + id)
                            .withFirstDiff("'" + want[i] + "': expected " + i + " but got " + id);
                    boolean shifted = true;
                    for (int k = 0; k < want.length; k++) {
                        Integer x = m.get(want[k]);
                        shifted &= x != null && x == k + 1;
                    }
                    return shifted ? new Diagnosis.Found("stoi-off-by-one", explain("stoi-off-by-one")).explain(r) : r;
                }
            }
        }
        return CheckReport.pass("itos and stoi match the reference on " + EDGES.size() + " edge cases (empty lists, "
                + "capitals, hyphens, apostrophes, letters like ë) and 25 random name lists");
    }

    private static CheckReport itosFailure(List<String> names, char[] want, char[] got,
                                           Function<List<String>, char[]> learner) {
        String details = "names:    " + quoted(names) + "\nexpected: " + show(want) + "\ngot:      " + show(got);
        CheckReport r = CheckReport.fail("itos is not '.' followed by the sorted distinct characters", details)
                .withFirstDiff(firstDiff(want, got));
        // Each suspect is confirmed on probes that only it explains, plus the failing input itself.
        Function<List<String>, Object> ref = VocabularyCheck::reference;
        return Diagnosis.exact()
                .suspect("no-dot", explain("no-dot"), List.of(names, List.of("ab")), learner::apply,
                        l -> Arrays.copyOfRange(reference(l), 1, reference(l).length), ref)
                .suspect("dot-last", explain("dot-last"), List.of(names, List.of("ab")), learner::apply, l -> {
                    char[] w = reference(l);
                    char[] d = Arrays.copyOfRange(w, 1, w.length + 1);
                    d[d.length - 1] = '.';
                    return d;
                }, ref)
                .suspect("unsorted", explain("unsorted"), List.of(names, List.of("ba")), learner::apply,
                        VocabularyCheck::firstSeenOrder, ref)
                .suspect("duplicates", explain("duplicates"), List.of(names, List.of("aa")), learner::apply,
                        VocabularyCheck::withRepeats, ref)
                .suspect("only-a-to-z", explain("only-a-to-z"), List.of(names, List.of("jo-Ann")), learner::apply,
                        l -> reference(filter(l, ch -> ch >= 'a' && ch <= 'z')), ref)
                .suspect("lowercased", explain("lowercased"), List.of(names, List.of("Zoe-b")), learner::apply,
                        l -> reference(l.stream().map(String::toLowerCase).toList()), ref)
                .explain(r);
    }

    static String explain(String bug) {
        switch (bug) {
            case "no-dot": return "the '.' start/end marker is missing; it must come first, with id 0.";
            case "dot-last": return "'.' is at the end; it must be at index 0 so that padding uses id 0.";
            case "unsorted": return "the letters are in the order they first appear; sort them (a TreeSet does).";
            case "duplicates": return "a character that occurs twice gets two entries (itos([\"aa\"]) has two 'a's); "
                    + "keep each character once — a TreeSet drops repeats and sorts.";
            case "only-a-to-z": return "only the letters a–z are kept; every character of the names needs an id, "
                    + "including capitals, '-' and '\\'' (itos([\"jo-Ann\"]) has 6 entries).";
            case "lowercased": return "the names are lower-cased first, so 'Z' and 'z' share an id; keep the "
                    + "characters exactly as they are (capitals sort before lower case).";
            case "stoi-off-by-one": return "stoi gives every character its index + 1; the id of itos[i] is i, so "
                    + "stoi['.'] must be 0.";
            default: return bug;
        }
    }

    private static char[] withRepeats(List<String> names) {
        List<Character> all = new ArrayList<>();
        for (String n : names) for (char ch : n.toCharArray()) all.add(ch);
        java.util.Collections.sort(all);
        char[] t = new char[all.size() + 1];
        t[0] = '.';
        for (int i = 0; i < all.size(); i++) t[i + 1] = all.get(i);
        return t;
    }

    private static List<String> filter(List<String> names, java.util.function.IntPredicate keep) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            StringBuilder sb = new StringBuilder();
            n.chars().filter(keep).forEach(ch -> sb.append((char) ch));
            out.add(sb.toString());
        }
        return out;
    }

    /** ["jo-ann", "o'neil"]: the list as Java source would write it. */
    static String quoted(List<String> names) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) sb.append(i == 0 ? "" : ", ").append('"').append(names.get(i)).append('"');
        return sb.append(']').toString();
    }

    static char[] firstSeenOrder(List<String> names) {
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
