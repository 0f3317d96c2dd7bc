import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Exercise 1.1 — the vocabulary.
 *
 * A model only sees numbers, so every character gets an id. The '.' character is special: it marks both the
 * start and the end of a name, and gets id 0. The letters follow in sorted order, so 'a' is 1, 'b' is 2, ...
 */
public final class Vocabulary {

    /** The id-to-character table: '.' at index 0, then every distinct character of the names, sorted. */
    public static char[] itos(List<String> names) {
        TreeSet<Character> letters = new TreeSet<>();
        for (String name : names) {
            for (char c : name.toCharArray()) if (c >= 'a' && c <= 'z') letters.add(c);
        }
        char[] table = new char[letters.size() + 1];
        table[0] = '.';
        int i = 1;
        for (char c : letters) table[i++] = c;
        return table;
    }

    /** The character-to-id map: the inverse of {@code itos}. */
    public static Map<Character, Integer> stoi(char[] itos) {
        Map<Character, Integer> map = new HashMap<>();
        for (int i = 0; i < itos.length; i++) map.put(itos[i], i);
        return map;
    }
}
