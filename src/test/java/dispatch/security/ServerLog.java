package dispatch.security;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What the server logs while a test runs. The site logs through slf4j-simple, which writes to
 * whatever System.err is at the time of each line; this puts a copy of it aside (the lines still
 * reach the console) until closed.
 */
final class ServerLog implements AutoCloseable {
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private ServerLog() {
        OutputStream tee = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                copy.write(b);
                original.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                copy.write(b, off, len);
                original.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    static ServerLog capture() {
        return new ServerLog();
    }

    String text() {
        synchronized (System.err) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    boolean hasStackTrace() {
        return STACK_FRAME.matcher(text()).find();
    }

    long lines() {
        return text().lines().count();
    }

    long linesAt(String level) {
        return text().lines().filter(l -> l.contains(" " + level + " ")).count();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
