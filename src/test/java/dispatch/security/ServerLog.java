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
            return withoutJettyBufferRace(copy.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Leaves out one warning that is Jetty's own and not about any request: now and then, when a
     * client drops a connection while Jetty reads it, its thread pool logs "Job failed" with
     * "IllegalStateException: already released" from HttpConnection.releaseRequestBuffer (a
     * pooled buffer released twice inside Jetty 12.1). The client has gone, no answer is wrong,
     * and the site stays healthy, which the tests check apart; everything else stays in.
     */
    static String withoutJettyBufferRace(String log) {
        return log.replaceAll("(?m)^\\S+ WARN QueuedThreadPool - Job failed\\R"
            + "java\\.lang\\.IllegalStateException: already released[^\\n]*\\R(?:\\s+at [^\\n]*\\R?)*", "");
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
