package llmfs.tui.cli;

import llmfs.tutor.classroom.ClassFolder;
import picocli.CommandLine.Option;

/** {@code --class-dir DIR}: where a class served over SSH keeps its people, keys and workspaces. */
public final class ClassDirOption {
    @Option(names = "--class-dir", paramLabel = "DIR",
            description = "The class folder (default ./" + ClassFolder.DEFAULT_DIR + ")")
    String dir;

    public ClassFolder folder() {
        return ClassFolder.locate(dir);
    }
}
