package llmfs.compute;

import llmfs.compute.backend.Backend;

/** Row lookup in an embedding table, with scatter-add backward. */
final class EmbeddingOp {
    private EmbeddingOp() {}

    static Tensor embedding(Tensor table, int[] ids, int[] idShape) {
        int[] ts = table.shape();
        if (ts.length != 2) {
            throw new IllegalArgumentException("embedding: the table must be 2-D [vocab, dim], got " + Shape.str(ts));
        }
        if (idShape.length == 0) idShape = new int[]{ids.length};
        if (Shape.numel(idShape) != ids.length) {
            throw new IllegalArgumentException("embedding: " + ids.length + " ids do not fill shape "
                    + Shape.str(idShape));
        }
        int vocab = ts[0], dim = ts[1];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocab) {
                throw new IllegalArgumentException("embedding: id " + ids[i] + " at position " + i
                        + " is outside the table's " + vocab + " rows (valid ids: 0.." + (vocab - 1) + ")");
            }
        }
        int[] outShape = java.util.Arrays.copyOf(idShape, idShape.length + 1);
        outShape[idShape.length] = dim;
        Backend be = table.backend();
        Tensor out = Tensor.result(be, outShape);
        int[] idsCopy = ids.clone();
        be.embedding(table.data, idsCopy, out.data, dim);
        Tape.record(out, o -> be.embeddingBackward(o.grad, idsCopy, table.gradBuffer(), dim), table);
        return out;
    }
}
