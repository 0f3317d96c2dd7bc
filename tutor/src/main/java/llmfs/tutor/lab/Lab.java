package llmfs.tutor.lab;

import llmfs.compute.data.Corpora;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One lab of the course, as everything else sees it: its id and aliases, what it trains, the options it accepts,
 * where it saves, and how to build its run. Every lab is one class listed in {@link Labs#ALL}; the CLI, the lab
 * screen, the chat and the part menus ask this interface instead of naming labs.
 */
public interface Lab {
    /** The options a lab may accept beyond {@code --long}, {@code --seed} and {@code --restart}. */
    enum Opt { EPOCHS, STEPS, CORPUS, CONFIG, PROMPT, FROM }

    /** Extra screens a lab's part offers beside the lab itself (the UI decides how to draw each). */
    enum Extra { EMBEDDINGS, COMPRESSION_TABLE, TOKENIZER_PLAYGROUND, ATTENTION_EXPLORER, POSITIONAL_ENCODING, CODE_BENCH }

    /** The canonical id, also the checkpoint's file name and the key in the progress file. */
    String id();

    /** The course part this lab closes (its number is an alias, as is "partN"). */
    int part();

    /** Further names that resolve to this lab (besides the part number and "partN"). */
    default List<String> aliases() {
        return List.of();
    }

    /** What the lab trains and how long its runs take; nothing is loaded. */
    Labs.About about();

    /** Options this lab accepts. */
    Set<Opt> options();

    /** One line for {@code tutor train --help}: the run-length options and presets. */
    String trainHelp();

    /** One line for {@code tutor chat --help}: what typing does with this lab's model. */
    String chatHelp();

    /** Screens beside the lab that the part menu offers, in menu order. */
    default List<Extra> extras() {
        return List.of();
    }

    /**
     * Where this lab keeps its trained model in {@code workspace}; {@code variant} is the value of the lab's variant
     * option ({@code --corpus} or {@code --config}), null for the default.
     */
    default Path checkpoint(String variant, Path workspace) {
        LabSupport.rejectVariant(this, variant);
        return workspace.resolve("checkpoints").resolve(id() + ".safetensors");
    }

    /**
     * The course's model sizes, every field set, for a lab whose model is the MLP whose block, embedding and hidden
     * sizes the learner may change ({@code --block --emb --hidden}); null for a lab without them.
     */
    default ModelSizes courseSizes() {
        return null;
    }

    /** The longest context ({@code --block}) this lab accepts. */
    default int maxBlock() {
        return ModelSizes.TEXT_MAX_BLOCK;
    }

    /** A ready-to-run lab for {@code o}; rejects options this lab does not take with a message saying which do. */
    Labs.Setup create(Labs.Options o, Path workspace, Corpora corpora);
}
