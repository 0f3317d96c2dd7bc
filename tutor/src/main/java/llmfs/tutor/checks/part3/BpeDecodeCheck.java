package llmfs.tutor.checks.part3;

import llmfs.compute.Rng;
import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.Compare;
import llmfs.tutor.check.Comparison;
import llmfs.tutor.check.ExerciseCheck;
import llmfs.tutor.check.LearnerException;
import llmfs.tutor.check.Diagnosis;
import llmfs.tutor.checks.TextDisplay;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exercise 3.5: {@code ids} and {@code decode} on vocabularies trained by the reference, including full round trips
 * text → tokens → ids → text; then the errors: ids outside the vocabulary (just below 0, exactly its size, far
 * above) and unknown tokens must throw IllegalArgumentException with a message that says what is wrong.
 */
public final class BpeDecodeCheck implements ExerciseCheck {
    private static final int ROUNDS = 25;
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass("BpeDecode");
        Method decode = ctx.staticMethod(c, "decode", String.class, int[].class, List.class);
        Method ids = ctx.staticMethod(c, "ids", int[].class, List.class, Map.class);
        Rng rng = ctx.rng();

        // Edge rounds: no ids, one id, the first and last ids, a vocabulary where two merges spell the same
        // string, and tokens that are halves of an emoji.
        List<String> dup = List.of("a", "b", "c", "ab", "bc", "abc", "abc");
        List<String> emoji = List.of("\uD83D", "\uDE00", "\uD83D\uDE00", " ");
        int[][] edgeIds = {{}, {2}, {0, 6}, {5, 6, 3, 2}, {0, 1, 3, 2}};
        for (int k = 0; k < edgeIds.length; k++) {
            List<String> vocab = k == 4 ? emoji : dup;
            CheckReport r = checkDecode(ctx, decode, edgeIds[k], vocab);
            if (r == null) r = checkIds(ctx, ids, idsTokens(edgeIds[k], vocab), BpeReference.ids(vocab));
            if (r != null) return r;
        }
        for (int round = 0; round < ROUNDS; round++) {
            String training = round == 0 ? "low lower lowest" : TokenSamples.randomText(rng, 30);
            List<List<String>> merges = BpeReference.train(training, round == 0 ? 4 : rng.nextInt(16));
            List<String> vocab = BpeReference.vocab(training, merges);
            Map<String, Integer> idOf = BpeReference.ids(vocab);
            String text = round == 0 ? "lowest lower" : round == 1 ? "" : training;
            List<String> tokens = BpeReference.encode(text, merges);
            CheckReport r = checkIds(ctx, ids, tokens, idOf);
            if (r == null) {
                int[] tokenIds = tokens.stream().mapToInt(idOf::get).toArray();
                r = checkDecode(ctx, decode, tokenIds, vocab);
            }
            if (r == null && round > 1) r = checkDecode(ctx, decode, randomIds(rng, vocab.size()), vocab);
            if (r != null) return r;
        }

        List<String> vocab = BpeReference.vocab("low lower lowest", BpeReference.train("low lower lowest", 4));
        for (int bad : new int[] {-1, vocab.size(), vocab.size() + 7}) {
            CheckReport r = checkBadId(ctx, decode, vocab, bad);
            if (r != null) return r;
        }
        CheckReport r = checkUnknownToken(ctx, ids, List.of("lo", "w", "zz", "e"), BpeReference.ids(vocab), "zz");
        if (r != null) return r;
        return CheckReport.pass("ids and decode match the reference on " + ROUNDS + " vocabularies (text → tokens → "
                + "ids → the same text), ids -1, " + vocab.size() + " and " + (vocab.size() + 7) + " of a " + vocab.size()
                + "-entry vocabulary are rejected with the id and the range, and an unknown token is named");
    }

    /** The tokens the ids spell, as ids() gets them (duplicated strings keep their first id). */
    private static List<String> idsTokens(int[] ids, List<String> vocab) {
        List<String> out = new ArrayList<>();
        for (int id : ids) out.add(vocab.get(id));
        return out;
    }

    private static int[] randomIds(Rng rng, int size) {
        int[] out = new int[rng.nextInt(20)];
        for (int i = 0; i < out.length; i++) out[i] = rng.nextInt(size);
        return out;
    }

    static String decode(int[] ids, List<String> vocab, String separator) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            if (sb.length() > 0) sb.append(separator);
            sb.append(vocab.get(id));
        }
        return sb.toString();
    }

    private static CheckReport checkIds(CheckContext ctx, Method m, List<String> tokens, Map<String, Integer> idOf) {
        int[] want = tokens.stream().mapToInt(idOf::get).toArray();
        ctx.input("ids(" + TokenSamples.show(tokens, 20) + ", vocab)");
        int[] got = (int[]) ctx.call(m, TokenSamples.fresh(tokens), new LinkedHashMap<>(idOf));
        Comparison cmp = Compare.ints(want, got);
        if (cmp.matches()) return null;
        String diff = cmp.firstDiff();
        String details = "tokens:   " + TokenSamples.show(tokens, 20) + "\nvocab:    " + vocabLine(idOf)
                + "\nexpected: " + Arrays.toString(want) + "\ngot:      " + (got == null ? "null" : Arrays.toString(got))
                + "\n" + diff;
        return CheckReport.fail("ids(tokens, vocab) gives the wrong ids", details).withFirstDiff(diff);
    }

    private static CheckReport checkDecode(CheckContext ctx, Method m, int[] ids, List<String> vocab) {
        String want = decode(ids, vocab, "");
        Function<int[], String> learner = x -> {
            ctx.input("decode(" + Arrays.toString(x) + ", " + TokenSamples.show(vocab, 30) + ")");
            return (String) ctx.call(m, x.clone(), List.copyOf(TokenSamples.fresh(vocab)));
        };
        String got = learner.apply(ids);
        if (want.equals(got)) return null;
        String diff = got == null ? "decode returned null" : firstDiff(want, got);
        String details = "decode(" + Arrays.toString(ids) + ", vocab)\nvocab:    " + TokenSamples.show(vocab, 30)
                + "\nexpected: " + TextDisplay.quote(want, 80) + "\ngot:      " + TextDisplay.quote(got, 80) + "\n" + diff;
        CheckReport r = CheckReport.fail("decode gives the wrong text", details).withFirstDiff(diff);
        // Probes: the failing ids and three ids of one-letter tokens, where a separator or a lost id shows.
        List<int[]> probes = List.of(ids, new int[]{0, 1, 0});
        return Diagnosis.exact()
                .suspect("joins-with-space", explain("joins-with-space"), probes, learner::apply,
                        x -> decode(x, vocab, " "), x -> decode(x, vocab, ""))
                .suspect("skips-last-id", explain("skips-last-id"), probes, learner::apply,
                        x -> decode(Arrays.copyOf(x, Math.max(0, x.length - 1)), vocab, ""), x -> decode(x, vocab, ""))
                .explain(r);
    }

    private static CheckReport checkBadId(CheckContext ctx, Method m, List<String> vocab, int bad) {
        int[] ids = {0, bad};
        String call = "decode(" + Arrays.toString(ids) + ", vocab) with a vocabulary of " + vocab.size()
                + " entries (valid ids 0.." + (vocab.size() - 1) + ")";
        Throwable thrown;
        try {
            Object got = ctx.call(m, ids, List.copyOf(vocab));
            return CheckReport.fail("decode accepted the id " + bad + ", which is not in the vocabulary",
                    call + "\nreturned " + TextDisplay.quote((String) got, 40) + " instead of throwing an "
                            + "IllegalArgumentException that names the id and the valid range")
                    .withFirstDiff("id " + bad + ": no exception");
        } catch (LearnerException e) {
            thrown = e.thrown();
        }
        if (thrown instanceof IllegalArgumentException) {
            if (namesIdAndRange(thrown.getMessage(), bad, vocab.size())) return null;
            return named(CheckReport.fail("decode rejects the id " + bad + ", but its message does not say why",
                    call + "\nmessage: " + TextDisplay.quote(thrown.getMessage(), 120)
                            + "\nThe message should contain the id (" + bad + ") and the valid range (0.."
                            + (vocab.size() - 1) + "), so whoever sees it knows what to fix."), "vague-message",
                    "id " + bad + ": message " + thrown.getMessage());
        }
        // Which ids slip past the check tells the mistakes apart: all of them (no check), only vocab.size() (> for
        // >=), only the negative ones (no test of id < 0). The label is given only when all three probes agree.
        boolean negative = slipsThrough(ctx, m, vocab, -1), atSize = slipsThrough(ctx, m, vocab, vocab.size()),
                beyond = slipsThrough(ctx, m, vocab, vocab.size() + 7);
        String bug = !(thrown instanceof IndexOutOfBoundsException) ? null
                : negative && atSize && beyond ? "no-range-check"
                : !negative && atSize && !beyond ? "off-by-one-range"
                : negative && !atSize && !beyond ? "no-negative-check" : null;
        CheckReport r = CheckReport.fail("decode threw " + thrown.getClass().getSimpleName() + " for the id " + bad
                + " instead of IllegalArgumentException", call + "\nthrew: " + thrown);
        return bug == null ? r.withFirstDiff("id " + bad + ": " + thrown) : named(r, bug, "id " + bad + ": " + thrown);
    }

    /** Whether decode([0, bad]) reaches vocab.get() (an index exception) instead of rejecting the id itself. */
    private static boolean slipsThrough(CheckContext ctx, Method m, List<String> vocab, int bad) {
        try {
            ctx.call(m, new int[]{0, bad}, List.copyOf(vocab));
            return false;
        } catch (LearnerException e) {
            return e.thrown() instanceof IndexOutOfBoundsException;
        }
    }

    private static CheckReport checkUnknownToken(CheckContext ctx, Method m, List<String> tokens,
                                                 Map<String, Integer> idOf, String unknown) {
        String call = "ids(" + TokenSamples.show(tokens, 10) + ", vocab) where the vocabulary has no " + TokenSamples.token(unknown);
        Throwable thrown;
        try {
            Object got = ctx.call(m, TokenSamples.fresh(tokens), new LinkedHashMap<>(idOf));
            CheckReport r = CheckReport.fail("ids accepted the unknown token " + TokenSamples.token(unknown),
                    call + "\nreturned " + (got == null ? "null" : Arrays.toString((int[]) got))
                            + " instead of throwing an IllegalArgumentException that names the token")
                    .withFirstDiff("token " + unknown + ": no exception");
            // Named when the unknown token became 0 and every other token kept its id.
            int[] asZero = new int[tokens.size()];
            for (int i = 0; i < asZero.length; i++) asZero[i] = idOf.getOrDefault(tokens.get(i), 0);
            return got instanceof int[] g && Arrays.equals(g, asZero) ? named(r, "unknown-as-zero",
                    "token " + unknown + ": id 0") : r;
        } catch (LearnerException e) {
            thrown = e.thrown();
        }
        if (thrown instanceof IllegalArgumentException) {
            if (thrown.getMessage() != null && thrown.getMessage().contains(unknown)) return null;
            return named(CheckReport.fail("ids rejects the unknown token, but its message does not name it",
                    call + "\nmessage: " + TextDisplay.quote(thrown.getMessage(), 120)
                            + "\nPut the token (" + unknown + ") in the message."), "vague-message",
                    "token " + unknown + ": message " + thrown.getMessage());
        }
        CheckReport r = CheckReport.fail("ids threw " + thrown.getClass().getSimpleName() + " for an unknown token "
                + "instead of IllegalArgumentException", call + "\nthrew: " + thrown);
        return thrown instanceof NullPointerException ? named(r, "unboxes-null", "token " + unknown + ": " + thrown)
                : r.withFirstDiff("token " + unknown + ": " + thrown);
    }

    /**
     * Whether the message contains the id and the range's upper end (as size - 1 or, exclusive, as size). A digit run
     * after '-' counts both ways, so "0-11" names 11 and "-1" names -1.
     */
    static boolean namesIdAndRange(String message, int id, int size) {
        if (message == null) return false;
        List<Long> numbers = new ArrayList<>();
        Matcher m = DIGITS.matcher(message);
        while (m.find()) {
            if (m.group().length() > 12) continue; // far too long to be an id
            long v = Long.parseLong(m.group());
            numbers.add(v);
            if (m.start() > 0 && message.charAt(m.start() - 1) == '-') numbers.add(-v);
        }
        return numbers.contains((long) id) && (numbers.contains(size - 1L) || numbers.contains((long) size));
    }

    private static CheckReport named(CheckReport r, String bug, String diff) {
        return CheckReport.fail(r.headline(), r.details() + "\n\nLikely bug (" + bug + "): " + explain(bug))
                .withFirstDiff(diff).withLikelyBug(bug);
    }

    private static String vocabLine(Map<String, Integer> idOf) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, Integer> e : idOf.entrySet()) {
            if (i++ == 16) return sb.append(" … (").append(idOf.size()).append(" entries)").toString();
            sb.append(i == 1 ? "" : "  ").append(TokenSamples.token(e.getKey())).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    private static String firstDiff(String want, String got) {
        for (int i = 0; i < Math.min(want.length(), got.length()); i++) {
            if (want.charAt(i) != got.charAt(i)) {
                return "character " + i + ": expected " + TokenSamples.token(String.valueOf(want.charAt(i)))
                        + " but got " + TokenSamples.token(String.valueOf(got.charAt(i)));
            }
        }
        return "expected " + want.length() + " characters but got " + got.length();
    }

    static String explain(String bug) {
        switch (bug) {
            case "joins-with-space": return "the pieces are joined with spaces; tokens already contain their own "
                    + "spaces ('e␣', '␣the'), so concatenate them with nothing in between.";
            case "no-range-check": return "ids outside the vocabulary reach vocab.get() and fail there with an index "
                    + "error; check 0 <= id < vocab.size() first and throw IllegalArgumentException.";
            case "off-by-one-range": return "the id equal to vocab.size() gets past the check (> instead of >=); the "
                    + "largest valid id is vocab.size() - 1.";
            case "vague-message": return "the exception does not say what is wrong; name the offending value and what "
                    + "would be valid, e.g. \"token id 42 is not in the vocabulary: valid ids are 0..29\".";
            case "unboxes-null": return "vocab.get() returns null for an unknown token, and storing that null in an "
                    + "int[] throws NullPointerException; test for null and throw IllegalArgumentException naming "
                    + "the token.";
            case "no-negative-check": return "a negative id gets past the check and fails inside vocab.get(); test "
                    + "id < 0 as well as id >= vocab.size().";
            case "unknown-as-zero": return "an unknown token silently becomes id 0 (getOrDefault), which decodes to a "
                    + "different text; throw IllegalArgumentException naming the token instead.";
            case "skips-last-id": return "the last id is never decoded: the loop stops one early; every id "
                    + "contributes its token.";
            default: return bug;
        }
    }
}
