package cn.foi.command.user;

import cn.foi.access.Role;
import cn.foi.access.UserStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** No default password anywhere: the first administrator's password is chosen, or generated and shown once. */
class AdminBootstrapTest {

    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private MongoServer server;
    private MongoClient client;
    private UserStore users;
    @TempDir
    Path dataDir;

    @BeforeEach
    void store() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        users = new UserStore(client.getDatabase("foi_access"));
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    private AdminBootstrap bootstrap(String configured) {
        return new AdminBootstrap(users, passwords, configured, dataDir.toString(),
                                  dataDir.resolve("run/initial-admin-password").toString());
    }

    @Test
    void without_a_configured_password_one_is_generated_shown_once_and_only_its_hash_kept() throws Exception {
        bootstrap("").ensureAdmin();
        Path shown = dataDir.resolve("run/initial-admin-password");
        String generated = Files.readString(shown).strip();
        assertThat(generated).hasSize(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shown))).isEqualTo("rw-------");
        var admin = users.find("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.passwordHash()).doesNotContain(generated).startsWith("{bcrypt}");
        assertThat(passwords.matches(generated, admin.passwordHash())).isTrue();
        String kept = Files.readString(dataDir.resolve("access/admin.hash")).strip();
        assertThat(kept).isEqualTo(admin.passwordHash());

        // a second start generates nothing new
        Files.delete(shown);
        bootstrap("").ensureAdmin();
        assertThat(shown).doesNotExist();
        assertThat(users.find("admin").orElseThrow().passwordHash()).isEqualTo(kept);

        // a lost user record is restored from the kept hash, not replaced by a new password
        client.getDatabase("foi_access").getCollection("users").drop();
        bootstrap("").ensureAdmin();
        assertThat(shown).doesNotExist();
        assertThat(passwords.matches(generated, users.find("admin").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void a_password_changed_through_the_user_api_is_the_one_a_restore_brings_back() {
        bootstrap("").ensureAdmin();
        AdminBootstrap running = bootstrap("");
        String changed = passwords.encode("changed-through-the-api");
        users.save(new cn.foi.access.UserAccount("admin", changed, java.util.Set.of(Role.ADMIN),
                                                 java.util.Set.of(cn.foi.access.UserAccount.ALL_AGENCIES)));
        running.rememberHash(changed);

        client.getDatabase("foi_access").getCollection("users").drop();
        bootstrap("").ensureAdmin();
        assertThat(passwords.matches("changed-through-the-api", users.find("admin").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void a_configured_password_sets_the_administrator_and_nothing_is_shown() {
        bootstrap("chosen-by-the-operator").ensureAdmin();
        assertThat(dataDir.resolve("run/initial-admin-password")).doesNotExist();
        assertThat(passwords.matches("chosen-by-the-operator", users.find("admin").orElseThrow().passwordHash())).isTrue();
        bootstrap("changed-by-the-operator").ensureAdmin();
        assertThat(passwords.matches("changed-by-the-operator", users.find("admin").orElseThrow().passwordHash())).isTrue();
    }
}
