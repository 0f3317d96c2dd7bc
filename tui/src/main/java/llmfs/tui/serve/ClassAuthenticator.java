package llmfs.tui.serve;

import llmfs.tutor.classroom.ClassFolder;
import llmfs.tutor.classroom.PasswordHash;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Who may log in: a member of the class (learner or teacher) with a key from their own {@code authorized_keys}, or
 * with the password whose hash is in their {@code password} file (only if that file exists). Files are read at each
 * login, so a teacher can add people while the class runs. Unknown names and everything else are refused.
 */
final class ClassAuthenticator implements PublickeyAuthenticator, PasswordAuthenticator {
    private final ClassFolder folder;
    private final Consumer<String> log;

    ClassAuthenticator(ClassFolder folder, Consumer<String> log) {
        this.folder = folder;
        this.log = log;
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        Optional<ClassFolder.Member> m = folder.member(username);
        if (m.isEmpty()) return false;
        Path file = m.get().authorizedKeys();
        try {
            List<AuthorizedKeyEntry> entries = AuthorizedKeyEntry.readAuthorizedKeys(file);
            for (AuthorizedKeyEntry e : entries) {
                PublicKey allowed = e.resolvePublicKey(session, PublicKeyEntryResolver.IGNORING);
                if (allowed != null && KeyUtils.compareKeys(allowed, key)) return true;
            }
        } catch (NoSuchFileException none) {
            return false;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            log.accept("cannot read " + file + ": " + e.getMessage());
        }
        return false;
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        Optional<ClassFolder.Member> m = folder.member(username);
        if (m.isEmpty()) return false;
        Path file = m.get().passwordFile();
        if (!Files.isRegularFile(file)) return false; // passwords are opt-in, per person
        try {
            return PasswordHash.matches(password.toCharArray(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.accept("cannot read " + file + ": " + e.getMessage());
            return false;
        }
    }
}
