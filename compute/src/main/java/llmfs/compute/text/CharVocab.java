package llmfs.compute.text;

import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;

/**
 * A character vocabulary: a fixed, ordered set of characters, each with an id 0..size-1 (its position).
 * Encoding maps text to ids and decoding maps ids back.
 */
public final class CharVocab {
    /** The start/end marker of names vocabularies; always id 0 in {@link #ofNames(Collection)}. */
    public static final char MARKER = '.';

    private static final int PREVIEW = 24;

    private final String chars;
    private final int[] idOf; // indexed by char value, -1 = not in the vocabulary

    private CharVocab(String chars) {
        if (chars.isEmpty()) {
            throw new IllegalArgumentException("A vocabulary needs at least one character, got none.");
        }
        int max = 0;
        for (int i = 0; i < chars.length(); i++) max = Math.max(max, chars.charAt(i));
        idOf = new int[max + 1];
        Arrays.fill(idOf, -1);
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (idOf[c] >= 0) {
                throw new IllegalArgumentException("Character " + describe(c) + " appears twice in the vocabulary"
                        + " \"" + escape(chars) + "\" (at ids " + idOf[c] + " and " + i + "); each character may"
                        + " appear once.");
            }
            idOf[c] = i;
        }
        this.chars = chars;
    }

    /** The sorted distinct characters of {@code text}; ids follow character order (Part 2's vocabulary). */
    public static CharVocab ofText(CharSequence text) {
        if (text.length() == 0) {
            throw new IllegalArgumentException("Cannot build a vocabulary from empty text.");
        }
        boolean[] seen = new boolean[Character.MAX_VALUE + 1];
        for (int i = 0; i < text.length(); i++) seen[text.charAt(i)] = true;
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < seen.length; c++) if (seen[c]) sb.append((char) c);
        return new CharVocab(sb.toString());
    }

    /**
     * Part 1's vocabulary: {@value #MARKER} gets id 0 (it marks both the start and the end of a name), then the
     * sorted distinct characters of the names get ids 1..n.
     *
     * @throws IllegalArgumentException if a name contains the marker itself, or there are no characters
     */
    public static CharVocab ofNames(Collection<String> names) {
        TreeSet<Character> letters = new TreeSet<>();
        for (String name : names) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == MARKER) {
                    throw new IllegalArgumentException("The name \"" + name + "\" contains '" + MARKER + "', which"
                            + " is reserved as the start/end marker. Clean the names first (Names.clean).");
                }
                letters.add(c);
            }
        }
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("Cannot build a names vocabulary: the " + names.size()
                    + " names hold no characters.");
        }
        StringBuilder sb = new StringBuilder().append(MARKER);
        for (char c : letters) sb.append(c);
        return new CharVocab(sb.toString());
    }

    /**
     * A vocabulary of exactly these characters in exactly this order (the character at index i gets id i).
     *
     * @throws IllegalArgumentException if {@code chars} is empty or holds a character twice
     */
    public static CharVocab ofChars(String chars) {
        return new CharVocab(chars);
    }

    /** All characters, in id order. */
    public String chars() {
        return chars;
    }

    /** Number of characters (ids are 0..size-1). */
    public int size() {
        return chars.length();
    }

    /** Whether {@code c} has an id. */
    public boolean contains(char c) {
        return c < idOf.length && idOf[c] >= 0;
    }

    /**
     * The id of {@code c}.
     *
     * @throws IllegalArgumentException if {@code c} is not in the vocabulary; the message shows the character,
     *                                  its code point and what the vocabulary holds
     */
    public int id(char c) {
        if (!contains(c)) throw new IllegalArgumentException("The " + unknown(c));
        return idOf[c];
    }

    /**
     * The character with id {@code id}.
     *
     * @throws IllegalArgumentException if {@code id} is outside 0..size-1
     */
    public char ch(int id) {
        if (id < 0 || id >= chars.length()) {
            throw new IllegalArgumentException("Token id " + id + " is out of range: valid ids are 0.." + (size() - 1)
                    + " for this vocabulary of " + size() + " characters.");
        }
        return chars.charAt(id);
    }

    /**
     * The ids of every character of {@code text}, in order.
     *
     * @throws IllegalArgumentException at the first character not in the vocabulary (its position is named)
     */
    public int[] encode(CharSequence text) {
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            char c = text.charAt(i);
            if (!contains(c)) {
                throw new IllegalArgumentException("Cannot encode position " + i + ": " + unknown(c));
            }
            ids[i] = idOf[c];
        }
        return ids;
    }

    private String unknown(char c) {
        return "character " + describe(c) + " is not in the vocabulary. It holds " + size() + " characters: \""
                + preview() + "\". Use only those characters, or build the vocabulary from text that contains"
                + " this one.";
    }

    /** The text spelled by {@code ids}. */
    public String decode(int[] ids) {
        return decode(ids, 0, ids.length);
    }

    /**
     * The text spelled by {@code ids[from..to)}.
     *
     * @throws IndexOutOfBoundsException if the range does not lie inside the array
     * @throws IllegalArgumentException  if an id is outside 0..size-1
     */
    public String decode(int[] ids, int from, int to) {
        if (from < 0 || to > ids.length || from > to) {
            throw new IndexOutOfBoundsException("Range [" + from + ", " + to + ") does not lie inside an array of "
                    + ids.length + " ids.");
        }
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) out[i - from] = ch(ids[i]);
        return new String(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharVocab other && chars.equals(other.chars);
    }

    @Override
    public int hashCode() {
        return chars.hashCode();
    }

    @Override
    public String toString() {
        return "CharVocab[" + size() + ": \"" + preview() + "\"]";
    }

    private String preview() {
        if (chars.length() <= PREVIEW) return escape(chars);
        return escape(chars.substring(0, PREVIEW)) + "...";
    }

    /** {@code 'x' (U+0078)}, with control characters written as escapes. */
    static String describe(char c) {
        return "'" + escape(String.valueOf(c)) + "' (U+" + String.format("%04X", (int) c) + ")";
    }

    /** The string with newline, tab, carriage return, backslash, quote and other controls made visible. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (Character.isISOControl(c)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
