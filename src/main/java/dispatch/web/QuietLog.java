package dispatch.web;

import org.slf4j.Logger;

/**
 * Lines about clients' mistakes, at INFO (nothing to page anyone about), at most {@code perMinute}
 * of them a minute; beyond that they are counted, and the count is logged in one line when the
 * next minute begins, so a flood of bad requests writes a few lines a minute, not one each.
 */
final class QuietLog {
    private static final long MINUTE = 60_000_000_000L;
    private final Logger log;
    private final int perMinute;
    private long windowStart = System.nanoTime();
    private int logged;
    private long suppressed;

    QuietLog(Logger log, int perMinute) {
        this.log = log;
        this.perMinute = perMinute;
    }

    void log(String line) {
        long held;
        boolean write;
        synchronized (this) {
            long now = System.nanoTime();
            held = 0;
            if (now - windowStart >= MINUTE) {
                held = suppressed;
                windowStart = now;
                logged = 0;
                suppressed = 0;
            }
            write = logged < perMinute;
            if (write) {
                logged++;
            } else {
                suppressed++;
            }
        }
        if (held > 0) {
            log.info("{} more requests with a client error in the last minute were not logged one by one", held);
        }
        if (write) {
            String clean = line.replaceAll("[\\p{Cntrl}]", "?");
            log.info("Client error: {}", clean.length() > 300 ? clean.substring(0, 300) + "…" : clean);
        }
    }
}
