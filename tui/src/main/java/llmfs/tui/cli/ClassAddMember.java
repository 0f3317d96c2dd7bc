package llmfs.tui.cli;

import llmfs.tutor.classroom.ClassFolder;
import llmfs.tutor.classroom.PasswordHash;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** What adding a learner and adding a teacher share: a name, public keys and/or a password. */
abstract class ClassAddMember implements Callable<Integer> {
    @Mixin
    ClassDirOption classDir;

    @Parameters(index = "0", paramLabel = "NAME", description = "Login name: lower-case letters, digits, - or _")
    String name;

    @Option(names = "--key", paramLabel = "FILE",
            description = "A public key file (e.g. id_ed25519.pub, or several keys, one a line) to allow; repeatable")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--password", description = {"Allow a password login too: asks for it on a terminal, "
            + "else reads one line from standard input. Only a PBKDF2 hash is stored."})
    boolean password;

    abstract ClassFolder.Role role();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        ClassFolder.requireValidName(name);
        if (keys.isEmpty() && !password) {
            throw new IllegalArgumentException("give --key FILE (a public key) or --password, or both: "
                    + "without either nobody could log in as " + name);
        }
        List<String> lines = new ArrayList<>();
        for (Path k : keys) lines.addAll(publicKeys(k));
        char[] secret = password ? readPassword() : null;
        ClassFolder folder = classDir.folder();
        ClassFolder.Member m = folder.add(name, role());
        if (!lines.isEmpty()) {
            Path ak = m.authorizedKeys();
            List<String> existing = Files.exists(ak) ? Files.readAllLines(ak, StandardCharsets.UTF_8) : List.of();
            List<String> fresh = lines.stream().filter(l -> !existing.contains(l)).toList();
            Files.write(ak, fresh, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ClassFolder.privateTo(ak);
            out.println("Added " + fresh.size() + " key" + (fresh.size() == 1 ? "" : "s") + " for " + name
                    + (fresh.size() < lines.size() ? " (" + (lines.size() - fresh.size()) + " already there)" : "")
                    + ": " + ak);
        }
        if (secret != null) {
            Path pf = m.passwordFile();
            Files.writeString(pf, PasswordHash.hash(secret) + "\n", StandardCharsets.UTF_8);
            Arrays.fill(secret, '\0');
            ClassFolder.privateTo(pf);
            out.println("Password login allowed for " + name + " (hash in " + pf + ")");
        }
        out.println(role() == ClassFolder.Role.TEACHER
                ? name + " is a teacher: logging in shows the class-status screen."
                : name + "'s workspace: " + m.workspace() + " (created on first login)");
        return 0;
    }

    /** The key lines of an OpenSSH public key file, each checked to be a key this server can use. */
    private static List<String> publicKeys(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no such key file: " + file);
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("-----BEGIN")) {
                throw new IllegalArgumentException(file + " is a private key; give the public one (" + file + ".pub)");
            }
            try {
                AuthorizedKeyEntry e = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line);
                if (e == null || e.resolvePublicKey(null, PublicKeyEntryResolver.FAILING) == null) {
                    throw new IllegalArgumentException("not a public key");
                }
            } catch (IllegalArgumentException | GeneralSecurityException | IOException ex) {
                throw new IllegalArgumentException(file + ":" + n + " is not an OpenSSH public key ("
                        + ex.getMessage() + "); it should look like 'ssh-ed25519 AAAA... name@host'");
            }
            out.add(line);
        }
        if (out.isEmpty()) throw new IllegalArgumentException(file + " holds no public key");
        return out;
    }

    private static char[] readPassword() throws IOException {
        Console c = System.console();
        char[] pw;
        if (c != null && llmfs.tui.Tty.stdio()) {
            pw = c.readPassword("Password: ");
            char[] again = c.readPassword("Again: ");
            if (pw == null || again == null || !Arrays.equals(pw, again)) {
                throw new IllegalArgumentException("the two passwords differ; nothing was changed");
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            pw = line == null ? new char[0] : line.toCharArray();
        }
        if (pw.length < 8) throw new IllegalArgumentException("use a password of at least 8 characters");
        return pw;
    }
}
