package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dispatch.db.Database;
import dispatch.demo.DemoPublication;
import dispatch.support.Browsing;
import dispatch.support.TestDatabase;
import dispatch.support.TestSite;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the site writes that holds private data (the database with its WAL and shared-memory
 * files, backups, the mail outbox) is readable by its owner only, whatever the umask.
 */
@Tag("postgresql")
class FilePermissionsTest {
    @BeforeEach
    void posix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file systems only");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** A site in a data folder it creates itself, after a reader has registered (a write, and a mail). */
    private static TestSite siteThatHasWritten(Path dataDir) {
        TestSite site = TestSite.withSettings(Map.of("DISPATCH_DATA_DIR", dataDir.toString()), server -> { });
        Browsing reader = new Browsing(site);
        // "Check your email": the account is stored and the confirmation link is in the outbox.
        assertEquals(200, reader.post("/account/register", Map.of("name", "Private Reader",
            "email", "private-reader@example.org", "password", "a long enough passphrase", "next", "/account")).statusCode());
        return site;
    }

    @Test
    void the_database_its_wal_and_shm_and_the_data_folder_are_the_owners_only_after_the_server_has_written()
            throws Exception {
        assumeFalse(TestDatabase.postgresql(), "SQLite's own files");
        Path dataDir = Files.createTempDirectory("dispatch-permissions").resolve("data");
        try (TestSite site = siteThatHasWritten(dataDir)) {
            assertEquals("rwx------", permissions(dataDir), "the data folder");
            for (String name : List.of("dispatch.db", "dispatch.db-wal", "dispatch.db-shm")) {
                Path file = dataDir.resolve(name);
                assertTrue(Files.exists(file), name + " exists while the server runs");
                assertEquals("rw-------", permissions(file), name);
            }
        }
    }

    @Test
    void files_left_readable_by_an_older_version_are_tightened_on_start() throws Exception {
        assumeFalse(TestDatabase.postgresql(), "SQLite's own files");
        Path dataDir = Files.createTempDirectory("dispatch-permissions");
        Database.open(dataDir).close();
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dataDir.resolve("dispatch.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Database.open(dataDir).close();
        assertEquals("rwx------", permissions(dataDir));
        assertEquals("rw-------", permissions(dataDir.resolve("dispatch.db")));
    }

    @Test
    void private_files_left_readable_in_the_data_folder_are_tightened_when_the_site_starts_and_images_stay_public()
            throws Exception {
        Path dataDir = Files.createTempDirectory("dispatch-permissions").resolve("data");
        TestSite first = siteThatHasWritten(dataDir);
        first.close();
        Path outbox = dataDir.resolve("outbox");
        List<Path> mails;
        try (Stream<Path> files = Files.list(outbox)) {
            mails = files.toList();
        }
        assertFalse(mails.isEmpty(), "the confirmation mail was written");
        Path passwords = dataDir.resolve(DemoPublication.PASSWORDS);
        assertTrue(Files.exists(passwords), "the demo staff's passwords");
        Path image = Files.createDirectories(dataDir.resolve("media")).resolve("left-by-hand.png");
        Files.write(image, new byte[] {1});
        // As an older version, a copy or a hand left them, with the server stopped.
        List<Path> loosened = new java.util.ArrayList<>(mails);
        loosened.add(passwords);
        loosened.add(image);
        if (!TestDatabase.postgresql()) {
            loosened.add(dataDir.resolve("dispatch.db"));
        }
        for (Path file : loosened) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (TestSite again = first.restarted()) {
            assertEquals("rwx------", permissions(dataDir), "the data folder");
            assertEquals("rwx------", permissions(outbox), "the outbox, before any new mail");
            for (Path file : loosened.stream().filter(f -> !f.equals(image)).toList()) {
                assertEquals("rw-------", permissions(file), file.getFileName().toString());
            }
            assertEquals("rw-r--r--", permissions(image), "uploaded images are public and stay readable");
        }
    }

    @Test
    void a_backup_is_the_owners_only() throws Exception {
        assumeFalse(TestDatabase.postgresql(), "backup copies SQLite's database");
        Path dataDir = Files.createTempDirectory("dispatch-permissions").resolve("data");
        try (TestSite site = siteThatHasWritten(dataDir)) {
            Path folder = Files.createTempDirectory("dispatch-backups");
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path backup = folder.resolve("copy.db");
            Database.backup(dataDir, backup);
            assertTrue(Files.size(backup) > 0);
            assertEquals("rw-------", permissions(backup));
        }
    }

    @Test
    void the_mail_outbox_is_the_owners_only() throws Exception {
        Path dataDir = Files.createTempDirectory("dispatch-permissions").resolve("data");
        try (TestSite site = siteThatHasWritten(dataDir)) {
            Path outbox = dataDir.resolve("outbox");
            assertEquals("rwx------", permissions(outbox));
            List<Path> mails;
            try (Stream<Path> files = Files.list(outbox)) {
                mails = files.toList();
            }
            assertFalse(mails.isEmpty(), "the confirmation mail was written");
            for (Path mail : mails) {
                assertEquals("rw-------", permissions(mail), mail.getFileName().toString());
            }
        }
    }
}
