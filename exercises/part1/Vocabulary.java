import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Exercise 1.1 — the vocabulary.
 *
 * A model only sees numbers, so every character gets an id. The '.' character is special: it marks both the
 * start and the end of a name, and gets id 0. The letters follow in sorted order, so 'a' is 1, 'b' is 2, ...
 *
 * Check with `c` in the tutor (or `bin/tutor check 1.1`); `h` shows a hint.
 */
public final class Vocabulary {

    /** The id-to-character table: '.' at index 0, then every distinct character of the names, sorted. */
    public static char[] itos(List<String> names) {
        // TODO: collect the distinct characters of all names (a TreeSet keeps them sorted),
        //       then build an array with '.' first and those characters after it.
        throw new IllegalStateException("TODO: build the id-to-character table ('.' first, then sorted letters)");
    }

    /** The character-to-id map: the inverse of {@code itos}. */
    public static Map<Character, Integer> stoi(char[] itos) {
        // TODO: map each character of itos to its position in the array.
        throw new IllegalStateException("TODO: build the character-to-id map from itos");
    }
}
