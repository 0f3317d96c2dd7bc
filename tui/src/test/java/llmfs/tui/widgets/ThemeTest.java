package llmfs.tui.widgets;

import com.googlecode.lanterna.TextColor;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ThemeTest {

    @Test
    void monochromeDrawsEveryRoleInTheDefaultColour() {
        Theme t = Theme.forCaps(new Caps(true, false));
        for (Role r : Role.values()) {
            assertEquals(TextColor.ANSI.DEFAULT, t.colour(r), r.name());
        }
    }

    @Test
    void standardThemeGivesEachSeriesItsOwnColour() {
        Theme t = Theme.forCaps(Caps.FULL);
        Set<TextColor> seen = new HashSet<>();
        for (int i = 0; i < BrailleChart.MAX_SERIES; i++) {
            seen.add(t.colour(Role.series(i)));
        }
        assertEquals(BrailleChart.MAX_SERIES, seen.size());
        for (Role r : Role.values()) {
            assertNotNull(t.colour(r), r.name());
        }
    }

    @Test
    void seriesRolesWrapAfterFour() {
        assertEquals(Role.SERIES_1, Role.series(0));
        assertEquals(Role.SERIES_4, Role.series(3));
        assertEquals(Role.SERIES_1, Role.series(4));
    }
}
