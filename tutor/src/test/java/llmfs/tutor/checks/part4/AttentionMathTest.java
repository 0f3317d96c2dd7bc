package llmfs.tutor.checks.part4;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The references reproduce the numbers the original course printed, so the checks start from them. */
class AttentionMathTest {
    private static void assertRounded(double[][] printed, float[][] got) {
        for (int i = 0; i < printed.length; i++) {
            for (int j = 0; j < printed[i].length; j++) {
                assertEquals(printed[i][j], Math.round(got[i][j] * 1000) / 1000.0, 1e-9, "[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void seed42WeightsAreTheCoursesNumbers() {
        float[][] x = AttentionMath.SEED_42;
        assertRounded(new double[][]{{0.332, 0.290, 0.378}, {0.034, 0.930, 0.036}, {0.307, 0.251, 0.442}},
                AttentionMath.weights(x, x, "none", "sqrt", false));
        assertRounded(new double[][]{{1, 0, 0}, {0.035, 0.965, 0}, {0.307, 0.251, 0.442}},
                AttentionMath.weights(x, x, "causal", "sqrt", false));
    }

    @Test
    void theCoursesModelHas610241Parameters() {
        assertEquals(610_241, GptParamsCheck.total(65, 128, 3, 64, ""));
        assertEquals(12L * 128 * 128 + 9 * 128, GptParamsCheck.block(128, ""));
        assertEquals(llmfs.compute.nn.Gpt.Config.course(65).parameterCount(), GptParamsCheck.total(65, 128, 3, 64, ""));
    }

    @Test
    void theEncodingTableIsTheModelsOwn() {
        float[][] t = PositionalEncodingCheck.table(50, 64, "");
        float[] model = llmfs.compute.nn.Gpt.sinusoid(50, 64);
        for (int p = 0; p < 50; p++) for (int c = 0; c < 64; c++) assertEquals(model[p * 64 + c], t[p][c], 2e-6f);
    }
}
