package llmfs.tutor.check;

import llmfs.compute.Rng;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a check gets to work with: the random seed and the learner's compiled classes, reached through reflection
 * helpers whose failures read as advice to the learner.
 *
 * <p>Missing classes or methods end the check with a FAIL verdict ({@link CheckFailure}); exceptions thrown by the
 * learner's code come out of {@link #call} as {@link LearnerException} and become EXCEPTION verdicts (or
 * "not implemented yet" for the templates' {@code TODO} exceptions).
 */
public final class CheckContext {
    private final long seed;
    private final String sourceFile;
    private final ClassLoader learnerLoader;
    private final Set<String> learnerClassNames;
    private Rng rng;
    /** The call in progress, for a time-out report; one check runs at a time in a check process. */
    private static volatile String currentInput;

    /**
     * @param seed              the seed this check must draw all its randomness from
     * @param sourceFile        the learner's file name, e.g. {@code Vocabulary.java}, for messages
     * @param learnerLoader     the loader holding the learner's classes
     * @param learnerClassNames binary names of every class compiled from the learner's file
     */
    public CheckContext(long seed, String sourceFile, ClassLoader learnerLoader, Set<String> learnerClassNames) {
        this.seed = seed;
        this.sourceFile = sourceFile;
        this.learnerLoader = learnerLoader;
        this.learnerClassNames = Set.copyOf(learnerClassNames);
        currentInput = null;
    }

    /**
     * Says which input the next calls get, as the learner would write the call (e.g.
     * {@code itos(["Anne-Marie", "zoë"])}), so an exception or a time-out can show the input that caused it.
     * Long descriptions are cut to 300 characters.
     */
    public void input(String call) {
        currentInput = call == null || call.length() <= 300 ? call : call.substring(0, 299) + "…";
    }

    /** The input last announced with {@link #input} by the check running in this process, or null. */
    public static String currentInput() {
        return currentInput;
    }

    /** The seed of this check, shown to the learner so a failure can be reproduced. */
    public long seed() {
        return seed;
    }

    /** A generator seeded with {@link #seed()}; the same instance on every call. */
    public synchronized Rng rng() {
        if (rng == null) rng = new Rng(seed);
        return rng;
    }

    /** The learner's file name, e.g. {@code Vocabulary.java}. */
    public String sourceFile() {
        return sourceFile;
    }

    /**
     * The learner's class with this name: a binary name ({@code part1.Vocabulary}) or, when unambiguous, a simple
     * name ({@code Vocabulary}) whatever package the learner's file declares.
     *
     * @throws CheckFailure if the learner's file declares no such class
     */
    public Class<?> learnerClass(String name) {
        String binary = null;
        if (learnerClassNames.contains(name)) {
            binary = name;
        } else {
            for (String candidate : learnerClassNames) {
                if (candidate.equals(name) || candidate.endsWith("." + name)) {
                    binary = candidate;
                    break;
                }
            }
        }
        if (binary == null) {
            Set<String> topLevel = learnerClassNames.stream().filter(n -> !n.contains("$"))
                    .collect(Collectors.toCollection(TreeSet::new));
            throw new CheckFailure("I expected a class named " + name + " in " + sourceFile
                            + (topLevel.isEmpty() ? ", but it declares no class" : ", but it declares only " + String.join(", ", topLevel))
                            + " — did you rename it?",
                    "Keep the class name from the template: the check looks for `" + name + "`.");
        }
        try {
            return Class.forName(binary, false, learnerLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled class " + binary + " could not be loaded", e);
        }
    }

    /**
     * The learner's {@code static} method with exactly this name, return type and parameter types.
     *
     * @param ret the expected return type ({@code void.class} for none), or null to accept any
     * @throws CheckFailure naming the expected signature and what was found instead
     */
    public Method staticMethod(Class<?> c, String name, Class<?> ret, Class<?>... params) {
        return findMethod(c, name, ret, true, params);
    }

    /** Like {@link #staticMethod} but for an instance method. */
    public Method method(Class<?> c, String name, Class<?> ret, Class<?>... params) {
        return findMethod(c, name, ret, false, params);
    }

    /**
     * The learner's constructor with these parameter types.
     *
     * @throws CheckFailure naming the expected constructor if it is missing
     */
    public Constructor<?> constructor(Class<?> c, Class<?>... params) {
        try {
            Constructor<?> k = c.getDeclaredConstructor(params);
            k.setAccessible(true);
            return k;
        } catch (NoSuchMethodException e) {
            String wanted = "public " + c.getSimpleName() + "(" + typeList(params) + ")";
            String found = Arrays.stream(c.getDeclaredConstructors())
                    .map(k -> c.getSimpleName() + "(" + typeList(k.getParameterTypes()) + ")")
                    .collect(Collectors.joining(", "));
            throw new CheckFailure("I expected the constructor `" + wanted + "` in " + sourceFile
                    + " but found " + (found.isEmpty() ? "none" : found) + " — did you change its parameters?",
                    "Keep the constructor's parameters as the template has them.");
        }
    }

    /**
     * Calls a static method of the learner's code.
     *
     * @throws LearnerException wrapping whatever the learner's code threw
     */
    public Object call(Method m, Object... args) {
        return invoke(m, null, args);
    }

    /**
     * Calls an instance method of the learner's code on {@code target}.
     *
     * @throws LearnerException wrapping whatever the learner's code threw
     */
    public Object callOn(Object target, Method m, Object... args) {
        return invoke(m, target, args);
    }

    /**
     * Creates an instance of a learner's class.
     *
     * @throws LearnerException wrapping whatever the learner's constructor threw
     */
    public Object construct(Constructor<?> k, Object... args) {
        try {
            return k.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new LearnerException(e.getCause());
        } catch (ExceptionInInitializerError e) {
            throw new LearnerException(e.getCause() == null ? e : e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the check could not call " + k + ": " + e, e);
        }
    }

    private Object invoke(Method m, Object target, Object[] args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new LearnerException(e.getCause(), currentInput);
        } catch (ExceptionInInitializerError e) {
            // The learner's static initialiser threw: report what it threw.
            throw new LearnerException(e.getCause() == null ? e : e.getCause(), currentInput);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new IllegalStateException("the check called " + m + " incorrectly: " + e, e);
        }
    }

    private Method findMethod(Class<?> c, String name, Class<?> ret, boolean wantStatic, Class<?>... params) {
        String wanted = (wantStatic ? "public static " : "public ") + (ret == null ? "" : typeName(ret) + " ")
                + name + "(" + typeList(params) + ")";
        Method m;
        try {
            m = c.getDeclaredMethod(name, params);
        } catch (NoSuchMethodException e) {
            List<Method> sameName = Arrays.stream(c.getDeclaredMethods()).filter(x -> x.getName().equals(name))
                    .collect(Collectors.toList());
            if (sameName.isEmpty()) {
                throw new CheckFailure("I expected `" + wanted + "` in " + sourceFile + " but there is no method named "
                        + name + " — did you rename it?", "Keep the method's name and parameters as the template has them.");
            }
            String found = sameName.stream().map(x -> name + "(" + typeList(x.getParameterTypes()) + ")")
                    .collect(Collectors.joining(", "));
            throw new CheckFailure("I expected `" + wanted + "` in " + sourceFile + " but found " + found
                    + " — did you change its parameters?", "Keep the method's parameters as the template has them.");
        }
        if (ret != null && !m.getReturnType().equals(ret)) {
            throw new CheckFailure("I expected `" + wanted + "` in " + sourceFile + " but " + name + " returns "
                    + typeName(m.getReturnType()) + " — did you change its return type?",
                    "Keep the return type from the template.");
        }
        boolean isStatic = Modifier.isStatic(m.getModifiers());
        if (isStatic != wantStatic) {
            throw new CheckFailure("I expected `" + wanted + "` in " + sourceFile + " but " + name
                    + (isStatic ? " is static" : " is not static") + " — keep the method as the template declares it.",
                    "");
        }
        m.setAccessible(true);
        return m;
    }

    private static String typeList(Class<?>[] types) {
        return Arrays.stream(types).map(CheckContext::typeName).collect(Collectors.joining(", "));
    }

    private static String typeName(Class<?> t) {
        return t.getSimpleName();
    }
}
