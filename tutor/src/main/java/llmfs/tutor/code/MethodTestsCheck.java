package llmfs.tutor.code;

import llmfs.tutor.check.CheckContext;
import llmfs.tutor.check.CheckReport;
import llmfs.tutor.check.ExerciseCheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs inside the check process: calls the test methods of a {@link CandidateSource} class in order and passes only
 * when every one returns true. The verdict comes from these return values, never from anything the code prints.
 */
public final class MethodTestsCheck implements ExerciseCheck {
    /** The headline of a wrong answer starts with this, then the 1-based number of the first false test. */
    public static final String WRONG = "test ";

    @Override
    public CheckReport run(CheckContext ctx) {
        Class<?> c = ctx.learnerClass(CandidateSource.CLASS);
        List<Method> tests = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().startsWith(CandidateSource.TEST_PREFIX) && m.getParameterCount() == 0
                    && m.getReturnType() == boolean.class) {
                tests.add(m);
            }
        }
        tests.sort(Comparator.comparingInt(m -> Integer.parseInt(m.getName().substring(CandidateSource.TEST_PREFIX.length()))));
        if (tests.isEmpty()) return CheckReport.fail("the method has no tests to run", "");
        for (int i = 0; i < tests.size(); i++) {
            Method m = ctx.staticMethod(c, tests.get(i).getName(), boolean.class);
            Object r = ctx.call(m);
            if (!Boolean.TRUE.equals(r)) {
                return CheckReport.fail(WRONG + (i + 1) + " of " + tests.size() + " is false", "");
            }
        }
        return CheckReport.pass("all " + tests.size() + " tests pass");
    }
}
