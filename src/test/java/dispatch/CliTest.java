package dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Cli.run(args, Config.fromEnvironment(env), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_port_in_use_is_one_clear_line_not_a_stack_trace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int code = run(Map.of("DISPATCH_PORT", String.valueOf(taken.getLocalPort()),
                "DISPATCH_DATA_DIR", dir.toString(), "DISPATCH_DEMO", "false"));
            assertEquals(1, code);
            assertEquals(1, error().strip().lines().count(), error());
            assertTrue(error().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), error());
            assertFalse(error().contains("\tat "));
        }
    }

    @Test
    void a_data_folder_that_cannot_be_written_is_one_clear_line() throws Exception {
        Path file = Files.createFile(dir.resolve("file"));
        int code = run(Map.of("DISPATCH_PORT", "0", "DISPATCH_DATA_DIR", file.resolve("data").toString()));
        assertEquals(1, code);
        assertTrue(error().startsWith("dispatch: the data folder "), error());
        assertEquals(1, error().strip().lines().count(), error());
    }

    @Test
    void unknown_commands_are_refused_with_the_usage() {
        assertEquals(2, run(Map.of(), "frobnicate"));
        assertTrue(error().contains("Usage: java -jar dispatch.jar"));
    }

    @Test
    void a_bad_port_setting_is_explained() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> Config.fromEnvironment(Map.of("DISPATCH_PORT", "eighty")));
        assertTrue(e.getMessage().contains("DISPATCH_PORT"));
    }
}
