package llmfs.tutor.classroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder a class lives in (the default is {@code ./class}):
 * <pre>
 * host-key                          the server's key, generated on first start (mode 600)
 * learners/NAME/authorized_keys     public keys that may log in as NAME (OpenSSH format)
 * learners/NAME/password            optional: a PBKDF2 hash ({@link PasswordHash}); only then may NAME use a password
 * learners/NAME/workspace/          NAME's exercises, progress and checkpoints
 * teachers/NAME/authorized_keys     a teacher: logs in to the class-status screen instead of the course
 * teachers/NAME/password            optional, as for learners
 * </pre>
 * Names are short lower-case words, so a name can never point outside its own folder.
 */
public final class ClassFolder {
    /** The folder used when none is given. */
    public static final String DEFAULT_DIR = "class";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /** Whether a member of the class takes the course or watches the class. */
    public enum Role { LEARNER, TEACHER }

    /** Someone who may log in: their role and their own folder. */
    public record Member(String name, Role role, Path dir) {
        public Path authorizedKeys() {
            return dir.resolve("authorized_keys");
        }

        public Path passwordFile() {
            return dir.resolve("password");
        }

        /** A learner's workspace (teachers have none). */
        public Path workspace() {
            return dir.resolve("workspace");
        }
    }

    private final Path dir;

    public ClassFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The folder named by {@code --class-dir}, else {@code ./class}. */
    public static ClassFolder locate(String option) {
        return new ClassFolder(Path.of(option == null || option.isBlank() ? DEFAULT_DIR : option));
    }

    public Path dir() {
        return dir;
    }

    public Path hostKey() {
        return dir.resolve("host-key");
    }

    /** Whether {@code name} is an acceptable login name. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Throws with a clear message when {@code name} is not an acceptable login name. */
    public static String requireValidName(String name) {
        if (!validName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a usable name: use 1-32 lower-case letters, "
                    + "digits, '-' or '_', starting with a letter (e.g. ada or j-smith)");
        }
        return name;
    }

    /** The member called {@code name}, if there is one (teachers first: a name is one or the other). */
    public Optional<Member> member(String name) {
        if (!validName(name)) return Optional.empty();
        Path t = dir.resolve("teachers").resolve(name);
        if (Files.isDirectory(t)) return Optional.of(new Member(name, Role.TEACHER, t));
        Path l = dir.resolve("learners").resolve(name);
        if (Files.isDirectory(l)) return Optional.of(new Member(name, Role.LEARNER, l));
        return Optional.empty();
    }

    /** Every learner, sorted by name. */
    public List<Member> learners() {
        return list("learners", Role.LEARNER);
    }

    /** Every teacher, sorted by name. */
    public List<Member> teachers() {
        return list("teachers", Role.TEACHER);
    }

    private List<Member> list(String sub, Role role) {
        Path d = dir.resolve(sub);
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            List<Member> out = new ArrayList<>();
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(ClassFolder::validName).sorted()
                    .forEach(n -> out.add(new Member(n, role, d.resolve(n))));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + d + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds a member (or returns the existing one with that name and role), creating their folder readable by the
     * server's user only.
     */
    public Member add(String name, Role role) {
        requireValidName(name);
        Optional<Member> existing = member(name);
        if (existing.isPresent() && existing.get().role() != role) {
            throw new IllegalArgumentException(name + " is already a " + existing.get().role().name().toLowerCase()
                    + " of this class; pick another name");
        }
        Path d = dir.resolve(role == Role.TEACHER ? "teachers" : "learners").resolve(name);
        try {
            Files.createDirectories(d);
            privateTo(dir);
            privateTo(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + d + ": " + e.getMessage(), e);
        }
        return new Member(name, role, d);
    }

    /** Makes a file or folder accessible to its owner only (where the file system has POSIX permissions). */
    public static void privateTo(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // e.g. a FAT-formatted stick: nothing finer to set
        }
    }
}
