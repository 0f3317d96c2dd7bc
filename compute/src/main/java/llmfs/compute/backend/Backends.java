package llmfs.compute.backend;

/**
 * Which backend new tensors live on. The default is chosen once per process; see {@link BackendChooser} for the
 * provider chain used by the tutor. Tests and tools can switch it with {@link #use(Backend)}.
 */
public final class Backends {
    private static volatile Backend current;

    private Backends() {}

    /** The backend new tensors are created on. */
    public static Backend current() {
        Backend b = current;
        if (b == null) {
            synchronized (Backends.class) {
                if (current == null) current = BackendChooser.chooseDefault().backend();
                b = current;
            }
        }
        return b;
    }

    /** Makes {@code backend} the default for tensors created from now on (on every thread). */
    public static void use(Backend backend) {
        current = backend;
    }
}
