import java.util.List;
import java.util.Map;

/**
 * Exercise 3.5 — token ids and back.
 *
 * A trained tokenizer numbers its tokens: the vocabulary is a list whose entry i is the string of token i (the
 * single characters first, then one entry per merge). A model works with those ids.
 *
 *   ids(tokens, vocab)   the id of each token string, looked up in a string-to-id map
 *   decode(ids, vocab)   the text again: the strings of the ids, concatenated with nothing in between
 *
 * decode(ids(encode(text))) gives back exactly the text. Wrong input must not slip through: an id outside the
 * vocabulary, or a token the vocabulary does not know, is an error whose message says what is wrong.
 */
public final class BpeDecode {

    /**
     * The text spelled by {@code ids}.
     *
     * @throws IllegalArgumentException for an id outside 0..vocab.size()-1; the message names the id and that range
     */
    public static String decode(int[] ids, List<String> vocab) {
        StringBuilder text = new StringBuilder();
        for (int id : ids) {
            if (id >= vocab.size()) {
                throw new IllegalArgumentException("token id " + id + " is not in the vocabulary: valid ids are 0.."
                        + (vocab.size() - 1));
            }
            text.append(vocab.get(id));
        }
        return text.toString();
    }

    /**
     * The id of every token.
     *
     * @throws IllegalArgumentException for a token with no id; the message names the token
     */
    public static int[] ids(List<String> tokens, Map<String, Integer> vocab) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            Integer id = vocab.get(tokens.get(i));
            if (id == null) {
                throw new IllegalArgumentException("token \"" + tokens.get(i) + "\" (at position " + i
                        + ") is not in the vocabulary");
            }
            out[i] = id;
        }
        return out;
    }
}
