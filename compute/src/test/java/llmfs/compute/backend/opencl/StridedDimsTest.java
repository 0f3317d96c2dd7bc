package llmfs.compute.backend.opencl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Dimension merging for the strided kernels (pure index arithmetic, no device needed). */
class StridedDimsTest {

    @Test
    void contiguousDimsMergeIntoOne() {
        StridedDims d = StridedDims.of(new int[]{2, 3, 4}, new int[]{12, 4, 1});
        assertArrayEquals(new int[]{24}, d.shape);
        assertArrayEquals(new int[]{1}, d.strides[0]);
    }

    @Test
    void aBiasBroadcastMergesTheLeadingDims() {
        // out [5, 7, 13]: a contiguous, b = [13] read with strides (0, 0, 1)
        StridedDims d = StridedDims.of(new int[]{5, 7, 13}, new int[]{91, 13, 1}, new int[]{0, 0, 1});
        assertArrayEquals(new int[]{35, 13}, d.shape);
        assertArrayEquals(new int[]{13, 1}, d.strides[0]);
        assertArrayEquals(new int[]{0, 1}, d.strides[1]);
    }

    @Test
    void sizeOneDimsDisappearAndTransposesStay() {
        // a transpose of [4, 1, 6] read as [6, 4]: strides (1, 6) cannot merge
        StridedDims d = StridedDims.of(new int[]{6, 1, 4}, new int[]{1, 0, 6});
        assertArrayEquals(new int[]{6, 4}, d.shape);
        assertArrayEquals(new int[]{1, 6}, d.strides[0]);
        assertEquals(0, StridedDims.of(new int[]{1, 1}, new int[]{1, 1}).rank());
    }

    @Test
    void kernelArgumentsArePaddedToEight() {
        StridedDims d = StridedDims.of(new int[]{3, 5}, new int[]{1, 3});
        assertArrayEquals(new int[]{3, 5, 1, 1, 1, 1, 1, 1}, d.shape8());
        assertArrayEquals(new int[]{1, 3, 0, 0, 0, 0, 0, 0}, d.strides8(0));
    }

    @Test
    void moreThanEightUnmergeableDimsAreRefusedWithAHint() {
        int[] shape = {2, 2, 2, 2, 2, 2, 2, 2, 2};
        int[] strides = {1, 2, 4, 8, 16, 32, 64, 128, 256}; // fully reversed: nothing merges
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StridedDims.of(shape, strides).requireKernelRank("permute"));
        assertEquals(true, e.getMessage().contains("reshape"), e.getMessage());
    }
}
