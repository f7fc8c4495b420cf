package dispatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dispatch.demo.DemoPublication;
import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No published password signs anyone in: the demo staff's passwords are generated at random
 * when the demo publication is loaded, and written to a file only the owner can read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgresql")
class AccountDemoStaffTest {
    private static final List<String> STAFF = List.of(
        "admin@meridian-east.example", "editor@meridian-east.example", "writer@meridian-east.example");
    private TestSite site;
    private TestSite another;

    @BeforeAll
    void start() {
        // Two installs, each loading the demo publication itself.
        site = TestSite.freshlyLoadedDemo();
        another = TestSite.freshlyLoadedDemo();
    }

    @AfterAll
    void stop() {
        site.close();
        another.close();
    }

    @Test
    void the_passwords_the_readme_once_printed_sign_nobody_in() {
        for (String email : STAFF) {
            String role = email.substring(0, email.indexOf('@'));
            var answer = new Browsing(site).signIn(email, "demo-" + role + "-password");
            assertEquals(200, answer.statusCode(), email);
        }
    }

    @Test
    void each_install_generates_its_own_passwords_in_a_file_only_its_owner_can_read() throws IOException {
        var file = site.dataDir().resolve(DemoPublication.PASSWORDS);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        for (String email : STAFF) {
            assertEquals(303, new Browsing(site).signIn(email, site.password(email)).statusCode(), email);
            assertNotEquals(site.password(email), another.password(email), "another install, another password");
        }
    }

    @Test
    void the_demo_files_carry_no_password() throws IOException {
        try (InputStream in = DemoPublication.class.getResourceAsStream("/demo/staff.yaml")) {
            String staff = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(staff.contains("password:"), staff);
        }
    }
}
