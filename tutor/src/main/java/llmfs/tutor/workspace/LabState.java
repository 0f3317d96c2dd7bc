package llmfs.tutor.workspace;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What was recorded about a lab run, e.g. its checkpoint and losses.
 *
 * @param id      lab id, e.g. {@code "names"}
 * @param updated when it was last recorded (null if the line had no time)
 * @param facts   name to value, in the order recorded, e.g. {@code checkpoint}, {@code step}, {@code valLoss}
 */
public record LabState(String id, Instant updated, Map<String, String> facts) {

    public LabState {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** One fact, if recorded. */
    public Optional<String> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    /** The {@code checkpoint} fact: the saved model's path. */
    public Optional<String> checkpoint() {
        return fact("checkpoint");
    }
}
