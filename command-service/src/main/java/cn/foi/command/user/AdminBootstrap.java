package cn.foi.command.user;

import cn.foi.access.Role;
import cn.foi.access.UserAccount;
import cn.foi.access.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/**
 * The first administrator, with no default password anywhere: {@code FOI_ADMIN_PASSWORD} when given;
 * otherwise one is generated on first start, shown once, and only its hash is kept — in the user store
 * and in {@code admin.hash} under the data directory, from which a lost user record is restored.
 */
@Component
class AdminBootstrap {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserStore users;
    private final PasswordEncoder passwords;
    private final String configuredPassword;
    private final String dataDir;
    private final String initialPasswordFile;

    AdminBootstrap(UserStore users, PasswordEncoder passwords,
                   @Value("${foi.admin.password:}") String configuredPassword,
                   @Value("${foi.data-dir:}") String dataDir,
                   @Value("${foi.admin.initial-password-file:}") String initialPasswordFile) {
        this.users = users;
        this.passwords = passwords;
        this.configuredPassword = configuredPassword;
        this.dataDir = dataDir;
        this.initialPasswordFile = initialPasswordFile;
    }

    @EventListener(ApplicationStartedEvent.class)
    void ensureAdmin() {
        Optional<UserAccount> admin = users.find(ADMIN);
        if (!configuredPassword.isEmpty()) {
            if (admin.isEmpty() || !passwords.matches(configuredPassword, admin.get().passwordHash())) {
                keep(passwords.encode(configuredPassword));
                log.info("Administrator '{}' set from FOI_ADMIN_PASSWORD", ADMIN);
            }
            return;
        }
        if (admin.isPresent()) {
            return;
        }
        Optional<String> kept = hashFile().filter(Files::exists).map(AdminBootstrap::read);
        if (kept.isPresent()) {
            users.save(account(kept.get()));
            log.warn("Administrator '{}' restored from {}", ADMIN, hashFile().get());
            return;
        }
        String generated = generate();
        keep(passwords.encode(generated));
        show(generated);
    }

    private void keep(String hash) {
        users.save(account(hash));
        rememberHash(hash);
    }

    /** The administrator's password was changed through the user API: a restore must bring back the new one. */
    void rememberHash(String hash) {
        hashFile().ifPresent(file -> {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, hash + "\n", StandardCharsets.UTF_8);
                ownerOnly(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Once: to a file only the owner can read (./run prints and deletes it), or to the console. */
    private void show(String password) {
        if (!initialPasswordFile.isEmpty()) {
            try {
                Path file = Path.of(initialPasswordFile);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
                log.warn("Administrator '{}' created; its generated password is in {} (shown once)", ADMIN, file);
                return;
            } catch (IOException | UnsupportedOperationException e) {
                log.warn("Cannot write {}: {}; showing the password on the console", initialPasswordFile, e.getMessage());
            }
        }
        System.out.println("\n==== 初始管理员 initial administrator: " + ADMIN + " / " + password
                           + " (shown once; set FOI_ADMIN_PASSWORD to choose it) ====\n");
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: left as created
        }
    }

    private Optional<Path> hashFile() {
        return dataDir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dataDir, "access", "admin.hash"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UserAccount account(String hash) {
        return new UserAccount(ADMIN, hash, Set.of(Role.ADMIN), Set.of(UserAccount.ALL_AGENCIES));
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
