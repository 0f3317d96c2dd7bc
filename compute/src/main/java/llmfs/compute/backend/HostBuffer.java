package llmfs.compute.backend;

/** A buffer in Java heap memory, used by the CPU backends. */
public final class HostBuffer implements Buffer {
    final float[] data;
    private final Backend owner;

    HostBuffer(Backend owner, float[] data) {
        this.owner = owner;
        this.data = data;
    }

    /** The backing array (no copy). */
    public float[] array() {
        return data;
    }

    @Override
    public int size() {
        return data.length;
    }

    @Override
    public Backend backend() {
        return owner;
    }
}
