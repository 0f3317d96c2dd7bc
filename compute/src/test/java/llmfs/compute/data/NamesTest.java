package llmfs.compute.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NamesTest {
    private static Corpora corpora;
    private static List<String> indian;

    @BeforeAll
    static void load() {
        corpora = Corpora.locate();
        indian = Names.indian(corpora);
    }

    @Test
    void courseCorpusHasTheCoursesCounts() {
        assertEquals(6_184, indian.size());
        assertEquals(38_141, indian.stream().mapToInt(String::length).sum());
    }

    @Test
    void courseCorpusKeepsFileOrderAndIsUnique() {
        // The file is sorted and its first rows are aabid, aabida, aachal.
        assertEquals(List.of("aabid", "aabida", "aachal"), indian.subList(0, 3));
        assertEquals(indian.size(), new HashSet<>(indian).size());
        assertTrue(indian.contains("subin") && indian.contains("sanaullah") && indian.contains("rohila"));
    }

    @Test
    void everyCleanNameIsThreeToNineLowercaseLetters() {
        for (String n : indian) {
            assertTrue(n.matches("[a-z]{3,9}"), n);
        }
    }

    @Test
    void theNanRowIsInTheFileButNotInTheNames() {
        assertTrue(corpora.lines(Names.INDIAN_FILE).contains("3484,nan"));
        assertFalse(indian.contains("nan"));
        // Only the exact name goes; names that merely contain it stay.
        assertEquals(List.of("nana", "nandan"), Names.clean(List.of("nan", "nana", "nandan")));
    }

    @Test
    void cleaningFollowsTheCoursesOrderOfSteps() {
        List<String> raw = Arrays.asList(
                " Raj Kumar ",   // lower, strip, remove spaces -> rajkumar (8)
                "AB C",          // -> abc: length is measured after removing spaces
                "ab",            // too short
                "abcdefghi",     // 9: kept
                "abcdefghij",    // 10: too long
                "amit,",         // punctuation
                "s/o",           // punctuation
                "émile",         // letter outside a-z
                "ravi2",         // digit
                null,            // missing value
                "NAN",           // lower-cases to the pandas missing value
                "\tMeena\n");    // surrounding whitespace of any kind
        assertEquals(List.of("rajkumar", "abc", "abcdefghi", "meena"), Names.clean(raw));
    }

    @Test
    void csvParserHonoursQuotedCommas() {
        assertEquals(List.of("293", "amit,"), Names.csvFields("293,\"amit,\""));
        assertEquals(List.of("", "Name"), Names.csvFields(",Name"));
        assertEquals(List.of("1", "say \"hi\"", ""), Names.csvFields("1,\"say \"\"hi\"\"\","));
        assertEquals(List.of("a", "b", "c"),
                Names.nameColumn(List.of(",Name", "0,a", "1,b", "", "2,c"), "x.csv"));
    }

    @Test
    void quotedRowsOfTheCourseFileAreReadAsOneField() {
        List<String> column = Names.nameColumn(corpora.lines(Names.INDIAN_FILE), Names.INDIAN_FILE);
        assertEquals(6_486, column.size());
        assertTrue(column.contains("amit,"));
    }

    @Test
    void englishCorpusUsesTheSameFilter() {
        List<String> english = Names.english(corpora);
        // 32,033 names in the file; 640 are shorter than 3 or longer than 9 letters.
        assertEquals(31_393, english.size());
        assertEquals("emma", english.get(0));
        for (String n : english) assertTrue(n.matches("[a-z]{3,9}"), n);
    }
}
