package llmfs.compute.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed Part 5/6 data is exactly the generator's output, loads, and its held-out split is genuinely new. */
class AlignmentCorpusTest {
    private static final Corpora CORPORA = Corpora.locate();

    @Test
    void committedFilesEqualTheGeneratorsOutput() throws Exception {
        AlignmentCorpusGenerator.Data d = AlignmentCorpusGenerator.generate();
        Path dir = CORPORA.dir();
        assertArrayEquals(AlignmentCorpusGenerator.jsonl(d.instructions()),
                Files.readAllBytes(dir.resolve(AlignmentData.INSTRUCTIONS)),
                "instructions.jsonl differs from the generator's output; rerun AlignmentCorpusGenerator and update checksums");
        assertArrayEquals(AlignmentCorpusGenerator.jsonl(d.preferences()),
                Files.readAllBytes(dir.resolve(AlignmentData.PREFERENCES)),
                "preferences.jsonl differs from the generator's output");
    }

    @Test
    void instructionsAreLargeEnoughWithATwentyPercentHeldOutShareInEveryCategory() {
        List<InstructionPair> all = AlignmentData.instructions(CORPORA);
        assertTrue(all.size() >= 300, "pairs: " + all.size());
        for (String cat : AlignmentData.CATEGORIES) {
            long n = all.stream().filter(p -> p.category().equals(cat)).count();
            long held = all.stream().filter(p -> p.category().equals(cat) && p.heldOut()).count();
            assertTrue(n > 0 && held * 5 >= n, cat + ": " + held + " of " + n + " held out");
        }
    }

    @Test
    void heldOutQuestionsAreNewCountriesAndNewNumberPairs() {
        List<InstructionPair> all = AlignmentData.instructions(CORPORA);
        Set<String> trainQuestions = all.stream().filter(p -> !p.heldOut()).map(InstructionPair::instruction)
                .collect(Collectors.toSet());
        Set<String> trainText = all.stream().filter(p -> !p.heldOut())
                .map(p -> p.instruction() + " " + p.response()).collect(Collectors.toSet());
        for (InstructionPair p : all) {
            if (!p.heldOut()) continue;
            assertFalse(trainQuestions.contains(p.instruction()), "held-out question is trained on: " + p.instruction());
            if (p.category().equals("capitals")) {
                String country = p.response().substring("The capital of ".length(), p.response().indexOf(" is "));
                assertTrue(trainText.stream().noneMatch(t -> t.contains(country)), country + " appears in training");
            }
            if (p.category().equals("arithmetic")) {
                String[] t = p.instruction().substring("What is ".length(), p.instruction().length() - 1).split(" ");
                if (!t[1].equals("-")) {
                    String swapped = "What is " + t[2] + " " + t[1] + " " + t[0] + "?";
                    assertFalse(trainQuestions.contains(swapped), "swap of " + p.instruction() + " is trained on");
                }
            }
        }
    }

    @Test
    void preferencesHaveEightyTripletsAndHeldOutPromptsUnseenInTraining() {
        List<PreferenceTriplet> prefs = AlignmentData.preferences(CORPORA);
        assertTrue(prefs.size() >= 80, "triplets: " + prefs.size());
        long held = prefs.stream().filter(PreferenceTriplet::heldOut).count();
        assertTrue(held * 5 >= prefs.size(), held + " of " + prefs.size() + " held out");
        Set<String> sftTrain = new HashSet<>();
        for (InstructionPair p : AlignmentData.instructions(CORPORA)) if (!p.heldOut()) sftTrain.add(p.instruction());
        Set<String> trainPrompts = new HashSet<>();
        for (PreferenceTriplet t : prefs) {
            if (!t.heldOut()) trainPrompts.add(t.prompt());
            assertFalse(t.chosen().equals(t.rejected()), t.id());
        }
        for (PreferenceTriplet t : prefs) {
            if (!t.heldOut()) continue;
            assertFalse(trainPrompts.contains(t.prompt()), t.prompt());
            assertFalse(sftTrain.contains(t.prompt()), t.prompt());
        }
        Map<String, Long> flaws = prefs.stream().collect(Collectors.groupingBy(PreferenceTriplet::flaw, Collectors.counting()));
        assertEquals(Set.of("wrong", "rude", "refusal", "rambling"), flaws.keySet());
    }
}
