package llmfs.compute;

import java.util.ArrayList;
import java.util.List;

/**
 * The autograd tape: while gradients are enabled, every operation on a tensor that requires a gradient appends a
 * node (its output plus a function that pushes the output's gradient back to its inputs). {@link Tensor#backward()}
 * replays the tape in reverse and then clears it, so one forward pass is followed by one backward pass.
 *
 * <p>The tape is per thread: a training job on a background thread and a UI thread never share one.
 */
public final class Tape {
    /** Pushes {@code out.grad} into the gradients of the node's inputs. */
    @FunctionalInterface
    public interface Backward {
        void run(Tensor out);
    }

    static final class Node {
        final Tensor out;
        final Backward backward;

        Node(Tensor out, Backward backward) {
            this.out = out;
            this.backward = backward;
        }
    }

    private static final ThreadLocal<Tape> CURRENT = ThreadLocal.withInitial(Tape::new);

    private final List<Node> nodes = new ArrayList<>();
    private int disabled;

    private Tape() {}

    static Tape current() {
        return CURRENT.get();
    }

    /** Whether operations on this thread are being recorded. */
    public static boolean enabled() {
        return current().disabled == 0;
    }

    /**
     * Turns recording off until the returned scope is closed — for evaluation and sampling, where no gradient is
     * needed: {@code try (var off = Tape.noGrad()) { ... }}.
     */
    public static Scope noGrad() {
        Tape t = current();
        t.disabled++;
        return () -> t.disabled--;
    }

    /** Drops everything recorded so far on this thread (e.g. after an aborted step). */
    public static void clear() {
        current().nodes.clear();
    }

    /** Number of recorded nodes on this thread (used by tests and leak checks). */
    public static int size() {
        return current().nodes.size();
    }

    /** Records an op if any input needs a gradient; marks the output as needing one. */
    static void record(Tensor out, Backward backward, Tensor... inputs) {
        Tape t = current();
        if (t.disabled > 0) return;
        for (Tensor in : inputs) {
            if (in != null && in.requiresGrad()) {
                out.markRequiresGrad();
                t.nodes.add(new Node(out, backward));
                return;
            }
        }
    }

    /** Runs the tape backwards from {@code root}, whose gradient has been seeded. */
    static void backward(Tensor root) {
        Tape t = current();
        int last = -1;
        for (int i = t.nodes.size() - 1; i >= 0; i--) {
            if (t.nodes.get(i).out == root) {
                last = i;
                break;
            }
        }
        if (last < 0 && !root.isLeaf()) {
            throw new IllegalStateException("backward(): this tensor is not on the tape — was it computed inside "
                    + "Tape.noGrad(), or has backward() already been called on this graph?");
        }
        try (Scope off = noGrad()) {
            for (int i = last; i >= 0; i--) {
                Node n = t.nodes.get(i);
                if (n.out.hasGrad()) n.backward.run(n.out);
            }
        } finally {
            t.nodes.clear();
        }
    }

    /** A scope that re-enables recording when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
