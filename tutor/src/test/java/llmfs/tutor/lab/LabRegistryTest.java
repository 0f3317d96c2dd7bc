package llmfs.tutor.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry itself: ids and aliases are unambiguous, every lab describes itself, variants are checked. */
class LabRegistryTest {
    @TempDir
    Path ws;

    @Test
    void idsPartsAndAliasesAreUnique() {
        Set<String> names = new HashSet<>();
        for (Lab lab : Labs.ALL) {
            assertTrue(names.add(lab.id()), "duplicate " + lab.id());
            assertTrue(names.add(String.valueOf(lab.part())), "two labs for part " + lab.part());
            for (String a : lab.aliases()) assertTrue(names.add(a), "duplicate alias " + a);
            assertEquals(lab, Labs.get("Part" + lab.part()));
            assertEquals(lab.id(), Labs.about(lab.id()).id());
            assertFalse(lab.trainHelp().isBlank());
            assertFalse(lab.chatHelp().isBlank());
        }
        assertEquals(Labs.ALL.size(), Labs.IDS.size());
    }

    @Test
    void checkpointsAreOnePerLabAndVariant() {
        Set<Path> seen = new HashSet<>();
        for (Lab lab : Labs.ALL) assertTrue(seen.add(Labs.checkpoint(lab.id(), null, ws)), lab.id());
        assertNotEquals(Labs.checkpoint("names", null, ws), Labs.checkpoint("names", "english", ws));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Labs.checkpoint("shakespeare", "english", ws));
        assertTrue(e.getMessage().contains("--corpus is for the names lab"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Labs.checkpoint("names", "klingon", ws));
    }

    @Test
    void optionsALabDoesNotTakeAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Labs.create("names",
                Labs.Options.defaults().withConfig("nanogpt"), ws, null));
        assertTrue(e.getMessage().contains("--config"), e.getMessage());
    }
}
