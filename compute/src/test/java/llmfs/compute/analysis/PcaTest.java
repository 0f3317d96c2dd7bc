package llmfs.compute.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PcaTest {
    @Test
    void pointsOnALineHaveOneComponent() {
        // rows (t, 2t, -t): all variance lies along (1, 2, -1)/√6
        float[] d = new float[5 * 3];
        for (int r = 0; r < 5; r++) {
            d[r * 3] = r;
            d[r * 3 + 1] = 2 * r;
            d[r * 3 + 2] = -r;
        }
        Pca.Result res = Pca.fit(d, 5, 3, 2);
        assertEquals(1.0, res.explained()[0], 1e-9);
        assertEquals(0.0, res.explained()[1], 1e-9);
        // projections are centred and spaced by √6
        assertEquals(Math.sqrt(6), Math.abs(res.coords()[1][0] - res.coords()[0][0]), 1e-9);
        assertEquals(0.0, res.coords()[2][0], 1e-9);
    }
}
