package llmfs.tutor.check;

/**
 * The parent of every {@link LearnerClassLoader}: it shows learner code the JDK and the compute module and
 * nothing else. The tutor's classes — the checks with their reference solutions, the verdict channel — and the
 * tutor's libraries live on the class path too, but are not visible from here, so learner code cannot load,
 * name or link against them even by accident.
 */
final class LearnerParentLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** The package whose classes learner code shares with the checks (tensors and such pass between them). */
    static final String SHARED_PREFIX = "llmfs.compute.";

    private final ClassLoader compute;

    /** @param compute the loader that holds the compute module (the check process's application loader) */
    LearnerParentLoader(ClassLoader compute) {
        super("learner-parent", ClassLoader.getPlatformClassLoader());
        this.compute = compute;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SHARED_PREFIX)) {
            Class<?> c = compute.loadClass(name);
            if (resolve) resolveClass(c);
            return c;
        }
        // The platform loader: the JDK's modules only, never the class path.
        return super.loadClass(name, resolve);
    }

    @Override
    public java.net.URL getResource(String name) {
        return name.startsWith(SHARED_PREFIX.replace('.', '/')) ? compute.getResource(name) : super.getResource(name);
    }
}
