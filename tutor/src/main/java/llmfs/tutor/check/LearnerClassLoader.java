package llmfs.tutor.check;

import java.util.Map;
import java.util.Set;

/**
 * Defines the learner's freshly compiled classes. One loader per check, so every check sees the newest code and
 * the previous version's statics are gone. The learner's own classes are looked up here first; everything else
 * (the JDK, the compute module) comes from the parent.
 */
final class LearnerClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    LearnerClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super("learner", parent);
        this.classes = Map.copyOf(classes);
    }

    /** Binary names of the learner's classes. */
    Set<String> classNames() {
        return classes.keySet();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!classes.containsKey(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) c = findClass(name);
            if (resolve) resolveClass(c);
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) throw new ClassNotFoundException(name);
        return defineClass(name, bytes, 0, bytes.length);
    }
}
