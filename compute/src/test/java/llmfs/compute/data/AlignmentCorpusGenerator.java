package llmfs.compute.data;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import llmfs.compute.Rng;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code corpora/instructions.jsonl} and {@code corpora/preferences.jsonl}, Parts 5 and 6's data, written for
 * this project. Arithmetic comes from a template over number pairs and capitals from a country table; definitions,
 * programming and machine-learning answers are hand-written tables below. The held-out split is chosen so its
 * questions are new: number pairs and countries that no training question uses, and definitions never trained on.
 *
 * <p>Run {@code main} with the corpora directory to regenerate; {@code AlignmentCorpusTest} proves the committed
 * files equal this program's output, so the generator and the data cannot drift apart.
 */
public final class AlignmentCorpusGenerator {
    private AlignmentCorpusGenerator() {}

    static final long SEED = 5;

    /** Country, capital. The last 15 rows are held out: no training question mentions them. */
    static final String[][] COUNTRIES = {
            {"France", "Paris"}, {"Germany", "Berlin"}, {"Italy", "Rome"}, {"Spain", "Madrid"},
            {"Portugal", "Lisbon"}, {"Greece", "Athens"}, {"Poland", "Warsaw"}, {"Austria", "Vienna"},
            {"Hungary", "Budapest"}, {"Sweden", "Stockholm"}, {"Norway", "Oslo"}, {"Finland", "Helsinki"},
            {"Denmark", "Copenhagen"}, {"Ireland", "Dublin"}, {"Belgium", "Brussels"}, {"Egypt", "Cairo"},
            {"Kenya", "Nairobi"}, {"Ghana", "Accra"}, {"Japan", "Tokyo"}, {"China", "Beijing"},
            {"India", "New Delhi"}, {"Thailand", "Bangkok"}, {"Vietnam", "Hanoi"}, {"Indonesia", "Jakarta"},
            {"Iran", "Tehran"}, {"Iraq", "Baghdad"}, {"Russia", "Moscow"}, {"Ukraine", "Kyiv"},
            {"Canada", "Ottawa"}, {"Mexico", "Mexico City"}, {"Cuba", "Havana"}, {"Peru", "Lima"},
            {"Chile", "Santiago"}, {"Argentina", "Buenos Aires"}, {"Colombia", "Bogota"}, {"Australia", "Canberra"},
            {"New Zealand", "Wellington"}, {"Turkey", "Ankara"}, {"Morocco", "Rabat"}, {"Nepal", "Kathmandu"},
            {"Philippines", "Manila"}, {"South Korea", "Seoul"}, {"Czechia", "Prague"}, {"Romania", "Bucharest"},
            {"Brazil", "Brasilia"},
            // held out
            {"Bulgaria", "Sofia"}, {"Serbia", "Belgrade"}, {"Croatia", "Zagreb"}, {"Iceland", "Reykjavik"},
            {"Ethiopia", "Addis Ababa"}, {"Nigeria", "Abuja"}, {"Senegal", "Dakar"}, {"Pakistan", "Islamabad"},
            {"Bangladesh", "Dhaka"}, {"Malaysia", "Kuala Lumpur"}, {"Mongolia", "Ulaanbaatar"},
            {"Venezuela", "Caracas"}, {"Ecuador", "Quito"}, {"Uruguay", "Montevideo"}, {"Jordan", "Amman"},
    };
    static final int HELD_OUT_COUNTRIES = 15;

    /** Hand-written (question, answer) tables; in each, the last fifth is held out. */
    static final String[][] DEFINITIONS = {
            {"What is a noun?", "A noun is a word that names a person, place or thing."},
            {"What is a verb?", "A verb is a word that describes an action."},
            {"What is an adjective?", "An adjective is a word that describes a noun."},
            {"What is a planet?", "A planet is a large body that orbits a star."},
            {"What is a river?", "A river is a stream of water that flows to the sea."},
            {"What is an island?", "An island is land with water all around it."},
            {"What is a desert?", "A desert is a dry place with very little rain."},
            {"What is a volcano?", "A volcano is a mountain that can erupt with lava."},
            {"What is gravity?", "Gravity is the force that pulls things toward each other."},
            {"What is an atom?", "An atom is the smallest unit of a chemical element."},
            {"What is energy?", "Energy is the ability to do work."},
            {"What is a cell?", "A cell is the smallest living unit of a body."},
            {"What is a fraction?", "A fraction is a part of a whole, like one half."},
            {"What is a prime number?", "A prime number has exactly two divisors: 1 and itself."},
            {"What is an even number?", "An even number can be divided by 2 with no remainder."},
            {"What is a triangle?", "A triangle is a shape with three sides."},
            {"What is a square?", "A square is a shape with four equal sides."},
            {"What is a circle?", "A circle is a round shape with every point equally far from the center."},
            {"What is a poem?", "A poem is writing arranged in lines, often with rhythm."},
            {"What is a novel?", "A novel is a long story written in prose."},
            {"What is a map?", "A map is a drawing of an area seen from above."},
            {"What is a clock?", "A clock is a device that shows the time."},
            {"What is a bridge?", "A bridge is a structure that lets you cross a gap."},
            {"What is a library?", "A library is a place where books are kept to read."},
            {"What is a forest?", "A forest is a large area covered with trees."},
            {"What is a season?", "A season is one of the four parts of the year."},
            {"What is weather?", "Weather is the state of the air: rain, wind, sun or snow."},
            {"What is a cloud?", "A cloud is a mass of tiny water drops in the sky."},
            {"What is a magnet?", "A magnet is an object that pulls iron toward it."},
            {"What is a mammal?", "A mammal is a warm-blooded animal that feeds its young milk."},
            {"What is a bird?", "A bird is an animal with feathers and wings."},
            {"What is a fish?", "A fish is an animal that lives in water and breathes with gills."},
            // held out
            {"What is a pronoun?", "A pronoun is a word that stands for a noun, like she or it."},
            {"What is a moon?", "A moon is a body that orbits a planet."},
            {"What is a glacier?", "A glacier is a slow river of ice."},
            {"What is an odd number?", "An odd number leaves a remainder of 1 when divided by 2."},
            {"What is a rectangle?", "A rectangle is a shape with four right angles."},
            {"What is a museum?", "A museum is a place where old or special things are shown."},
            {"What is rain?", "Rain is water that falls from clouds."},
            {"What is a reptile?", "A reptile is a cold-blooded animal with scales."},
    };

    static final String[][] PROGRAMMING = {
            {"What is a variable?", "A variable is a named place that holds a value."},
            {"What is a function?", "A function is a named block of code that you can call."},
            {"What is a loop?", "A loop runs a block of code again and again."},
            {"What is a for loop?", "A for loop repeats code once for each item or count."},
            {"What is a while loop?", "A while loop repeats code as long as a condition is true."},
            {"What is an if statement?", "An if statement runs code only when a condition is true."},
            {"What is a list?", "A list holds items in order, and you reach them by index."},
            {"What is an array?", "An array holds a fixed number of values of one type."},
            {"What is a string?", "A string is a piece of text, a sequence of characters."},
            {"What is a boolean?", "A boolean is a value that is either true or false."},
            {"What is an integer?", "An integer is a whole number, like 7 or -3."},
            {"What is a class?", "A class is a blueprint that describes objects."},
            {"What is an object?", "An object is a value built from a class, with data and methods."},
            {"What is a method?", "A method is a function that belongs to a class."},
            {"What is recursion?", "Recursion is when a function calls itself."},
            {"What is a bug?", "A bug is a mistake in a program."},
            {"What is a compiler?", "A compiler turns source code into code a machine can run."},
            {"What is a comment?", "A comment is a note in code that the computer ignores."},
            {"What is an index?", "An index is the position of an item in a list, starting at 0."},
            {"What is a map in programming?", "A map stores values under keys, like a dictionary."},
            {"How do I print in Python?", "Use print, for example print('hi')."},
            {"How do I print in Java?", "Use System.out.println(\"hi\");"},
            {"How do I add 1 to x?", "Write x = x + 1, or x += 1."},
            {"How do I get the length of a list in Python?", "Use len, for example len(items)."},
            {"How do I define a function in Python?", "Write def name(args): and indent the body."},
            {"What does return do?", "Return ends a function and gives back a value."},
            {"What is a syntax error?", "A syntax error is code the language cannot read."},
            {"What is an exception?", "An exception is an error raised while a program runs."},
            {"What is a test?", "A test is code that checks that other code works."},
            {"What is git?", "Git is a tool that tracks changes to files."},
            {"What is a stack?", "A stack is a list where the last item in is the first out."},
            {"What is a queue?", "A queue is a list where the first item in is the first out."},
            // held out
            {"What is a tuple?", "A tuple is a fixed, ordered group of values."},
            {"What is a constant?", "A constant is a value that does not change."},
            {"What is a parameter?", "A parameter is a name for a value passed into a function."},
            {"What is a float?", "A float is a number with a decimal point, like 2.5."},
            {"What is debugging?", "Debugging is finding and fixing mistakes in code."},
            {"What is an interface?", "An interface lists methods a class must provide."},
            {"How do I make a list in Python?", "Use brackets, for example items = [1, 2, 3]."},
            {"What is a hash table?", "A hash table finds values by key using a hash."},
    };

    static final String[][] ML = {
            {"What is machine learning?", "Machine learning is teaching computers from data."},
            {"What is a neural network?", "A neural network is layers of weights that turn inputs into outputs."},
            {"What is a neuron?", "A neuron adds weighted inputs and applies a function."},
            {"What is a weight?", "A weight is a number the model learns during training."},
            {"What is a bias?", "A bias is a learned number added to a weighted sum."},
            {"What is training?", "Training adjusts the weights to lower the loss."},
            {"What is a loss?", "A loss is a number that says how wrong the model is."},
            {"What is a gradient?", "A gradient says how the loss changes with each weight."},
            {"What is gradient descent?", "Gradient descent moves weights against the gradient."},
            {"What is a learning rate?", "The learning rate is the size of each weight update."},
            {"What is overfitting?", "Overfitting is memorizing the training data instead of learning."},
            {"What is a validation set?", "A validation set is data held back to test the model."},
            {"What is a batch?", "A batch is a group of examples used in one step."},
            {"What is an epoch?", "An epoch is one pass over all the training data."},
            {"What is a token?", "A token is a piece of text the model reads, like a character."},
            {"What is a language model?", "A language model predicts the next token of a text."},
            {"What is attention?", "Attention lets each token look at earlier tokens."},
            {"What is a transformer?", "A transformer is a network built from attention blocks."},
            {"What is an embedding?", "An embedding is a learned vector for each token."},
            {"What is softmax?", "Softmax turns scores into probabilities that sum to 1."},
            {"What is cross-entropy?", "Cross-entropy is the negative log of the right answer's probability."},
            {"What is dropout?", "Dropout zeroes random activations during training."},
            {"What is a parameter in a model?", "A parameter is one learned number of the model."},
            {"What is a tokenizer?", "A tokenizer splits text into tokens and back."},
            {"What is fine-tuning?", "Fine-tuning trains an existing model further on new data."},
            {"What is a checkpoint?", "A checkpoint is a saved copy of the model's weights."},
            {"What is temperature?", "Temperature scales randomness when sampling tokens."},
            {"What is a label?", "A label is the right answer for a training example."},
            {"What is inference?", "Inference is using a trained model to make predictions."},
            {"What is a dataset?", "A dataset is a collection of examples for training."},
            {"What is a layer?", "A layer is one step of computation in a network."},
            {"What is an activation function?", "An activation function adds a bend, like tanh or ReLU."},
            // held out
            {"What is underfitting?", "Underfitting is a model too simple to learn the data."},
            {"What is a test set?", "A test set is data kept apart to measure the final model."},
            {"What is a logit?", "A logit is a raw score before softmax."},
            {"What is an optimizer?", "An optimizer updates the weights from the gradients."},
            {"What is a context window?", "A context window is how many tokens a model can see."},
            {"What is sampling?", "Sampling picks the next token at random from the probabilities."},
            {"What is a GPU?", "A GPU is a chip that does many calculations at once."},
            {"What is instruction tuning?", "Instruction tuning teaches a model to answer questions."},
    };
    static final int HAND_HELD_OUT = 8;

    /** Dismissive or unhelpful replies (the 'rude' and 'refusal' flaws). */
    static final String[] RUDE = {
            "Look it up yourself.", "Why would I tell you that?", "That is a silly question.",
            "Stop asking me things.", "Figure it out on your own.",
    };
    static final String[] REFUSE = {
            "I do not know.", "I cannot answer that.", "No idea, sorry.", "Ask someone else.",
    };

    record Data(List<Map<String, String>> instructions, List<Map<String, String>> preferences) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "corpora");
        Data d = generate();
        Files.write(dir.resolve(AlignmentData.INSTRUCTIONS), jsonl(d.instructions()));
        Files.write(dir.resolve(AlignmentData.PREFERENCES), jsonl(d.preferences()));
        System.out.println("wrote " + d.instructions().size() + " instruction pairs and " + d.preferences().size()
                + " preference triplets to " + dir);
    }

    static byte[] jsonl(List<Map<String, String>> rows) {
        Gson gson = new GsonBuilder().disableHtmlEscaping().create();
        StringBuilder sb = new StringBuilder();
        for (Map<String, String> r : rows) sb.append(gson.toJson(r)).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Data generate() {
        Rng rng = new Rng(SEED);
        List<Map<String, String>> ins = new ArrayList<>();
        List<Map<String, String>> prefs = new ArrayList<>();

        // Capitals: two phrasings per country; held-out countries appear in no training question.
        int trainCountries = COUNTRIES.length - HELD_OUT_COUNTRIES;
        for (int i = 0; i < COUNTRIES.length; i++) {
            String c = COUNTRIES[i][0], cap = COUNTRIES[i][1];
            boolean held = i >= trainCountries;
            String ans = "The capital of " + c + " is " + cap + ".";
            ins.add(pair("cap", ins.size(), "capitals", "What is the capital of " + c + "?", ans, held));
            ins.add(pair("cap", ins.size(), "capitals", "Name the capital of " + c + ".", ans, held));
        }

        // Arithmetic: a + b, a - b (a >= b) and a * b over small numbers. A pair (op, a, b) goes to exactly one split.
        Set<String> used = new LinkedHashSet<>();
        List<String[]> arith = new ArrayList<>();
        while (arith.size() < 150) {
            int kind = rng.nextInt(3);
            int a, b;
            String op;
            int r;
            if (kind == 0) { a = rng.nextInt(20); b = rng.nextInt(20); op = "+"; r = a + b; }
            else if (kind == 1) { a = rng.nextInt(20); b = rng.nextInt(a + 1); op = "-"; r = a - b; }
            else { a = rng.nextInt(10); b = rng.nextInt(10); op = "*"; r = a * b; }
            // a + b and b + a (likewise *) count as the same question, so the held-out one is not a swap.
            String key = op.equals("-") ? a + op + b : Math.min(a, b) + op + Math.max(a, b);
            if (!used.add(key)) continue;
            arith.add(new String[]{"What is " + a + " " + op + " " + b + "?", a + " " + op + " " + b + " = " + r + "."});
        }
        for (int i = 0; i < arith.size(); i++) {
            ins.add(pair("math", ins.size(), "arithmetic", arith.get(i)[0], arith.get(i)[1], i >= 120));
        }

        addTable(ins, "def", "definitions", DEFINITIONS);
        addTable(ins, "prog", "programming", PROGRAMMING);
        addTable(ins, "ml", "ml", ML);

        // Preferences: the chosen answer is the instruction set's; the rejected one has one of four flaws. Training
        // triplets come from training questions, held-out ones from held-out questions (so also new to SFT).
        String[] flaws = {"wrong", "rude", "refusal", "rambling"};
        int n = 0;
        List<Map<String, String>> pool = new ArrayList<>(ins);
        rng.shuffle(pool);
        int trainTriplets = 0, heldTriplets = 0;
        for (Map<String, String> p : pool) {
            boolean held = p.get("split").equals(AlignmentData.HELD_OUT);
            if (held ? heldTriplets >= 25 : trainTriplets >= 95) continue;
            String flaw = flaws[n % flaws.length];
            String rejected = reject(flaw, p, rng);
            // Every formatted text fits the model's context, so no log-probability is taken over a truncated answer.
            if (rejected == null || formattedLength(p.get("instruction"), rejected) > CONTEXT) continue;
            Map<String, String> t = new LinkedHashMap<>();
            t.put("id", String.format("pref-%03d", prefs.size()));
            t.put("flaw", flaw);
            t.put("prompt", p.get("instruction"));
            t.put("chosen", p.get("response"));
            t.put("rejected", rejected);
            t.put("split", p.get("split"));
            prefs.add(t);
            n++;
            if (held) heldTriplets++;
            else trainTriplets++;
        }
        return new Data(ins, prefs);
    }

    /** The context of Parts 5-6's model: no formatted example may be longer. */
    static final int CONTEXT = 128;

    /** Length of "### Instruction:\n" + q + "\n\n### Response:\n" + a + end marker. */
    static int formattedLength(String q, String a) {
        return "### Instruction:\n".length() + q.length() + "\n\n### Response:\n".length() + a.length() + 1;
    }

    private static String reject(String flaw, Map<String, String> p, Rng rng) {
        String cat = p.get("category"), q = p.get("instruction"), a = p.get("response");
        switch (flaw) {
            case "rude":
                return RUDE[rng.nextInt(RUDE.length)];
            case "refusal":
                return REFUSE[rng.nextInt(REFUSE.length)];
            case "rambling":
                // The right fact buried in filler and repeated: what a model that does not know when to stop says.
                return "Well, " + a + " " + a + " And so on.";
            default:
                if (cat.equals("arithmetic")) {
                    int eq = a.lastIndexOf("= ");
                    int r = Integer.parseInt(a.substring(eq + 2, a.length() - 1));
                    int off = 1 + rng.nextInt(3);
                    return a.substring(0, eq + 2) + (r + (rng.nextInt(2) == 0 || r < off ? off : -off)) + ".";
                }
                if (cat.equals("capitals")) {
                    String country = a.substring("The capital of ".length(), a.indexOf(" is "));
                    String other;
                    do {
                        other = COUNTRIES[rng.nextInt(COUNTRIES.length)][1];
                    } while (a.endsWith(" " + other + "."));
                    return "The capital of " + country + " is " + other + ".";
                }
                return null; // no natural wrong answer for a definition; another flaw takes this turn
        }
    }

    private static void addTable(List<Map<String, String>> ins, String prefix, String cat, String[][] table) {
        for (int i = 0; i < table.length; i++) {
            if (formattedLength(table[i][0], table[i][1]) > CONTEXT) throw new IllegalStateException(table[i][0]);
            ins.add(pair(prefix, ins.size(), cat, table[i][0], table[i][1], i >= table.length - HAND_HELD_OUT));
        }
    }

    private static Map<String, String> pair(String prefix, int n, String cat, String q, String a, boolean held) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", String.format("%s-%03d", prefix, n));
        m.put("category", cat);
        m.put("instruction", q);
        m.put("response", a);
        m.put("split", held ? AlignmentData.HELD_OUT : AlignmentData.TRAIN);
        return m;
    }
}
