package llmfs.compute.bench;

import llmfs.compute.Rng;
import llmfs.compute.Tensor;
import llmfs.compute.nn.Gpt;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChatBenchTest {

    /** The useful work per token is two FLOPs per weight of every product one row goes through, counted from the model. */
    @Test
    void flopsPerTokenCountsTheWeightsOfEveryProduct() {
        for (Gpt.Config c : new Gpt.Config[]{Gpt.Config.course(65), new Gpt.Config(13, 16, 2, 2, 8, 0f)}) {
            long weights = 0;
            for (Map.Entry<String, Tensor> e : new Gpt(c, new Rng(1)).namedParameters().entrySet()) {
                String n = e.getKey();
                boolean product = n.equals("head.weight") || n.endsWith("qkv.weight") || n.endsWith("out.weight")
                        || n.endsWith("fc.weight") || n.endsWith("proj.weight");
                if (product) weights += e.getValue().numel();
            }
            assertEquals(2 * weights, ChatBench.flopsPerToken(c), c.toString());
        }
    }
}
