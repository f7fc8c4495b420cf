package dispatch.db;

import dispatch.changes.ContentChanges;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every app node on the same PostgreSQL database when the publication changes, so that
 * each drops the pages it keeps (see {@link ContentChanges}). A change made on this node is sent
 * with NOTIFY on one channel, naming this node; a daemon thread LISTENs on a connection of its
 * own and passes on every change another node names. Its own notifications come back to it
 * too, and are ignored: this node's caches were dropped when the change was made.
 *
 * <p>If the listening connection breaks (PostgreSQL restarted, a network fault), the thread
 * connects again after a second, and then drops this node's caches once, since a change may have
 * been missed meanwhile. Started and stopped with the web server (it is one of its beans).
 */
public final class PostgresRelay extends AbstractLifeCycle {
    static final String CHANNEL = "dispatch_content_changed";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresRelay.class);
    private static final int WAIT_MS = 500;

    private final Database database;
    private final ContentChanges changes;
    private final String node = UUID.randomUUID().toString();
    private volatile boolean running;
    private Thread listener;

    public PostgresRelay(Database database, ContentChanges changes) {
        this.database = database;
        this.changes = changes;
        changes.relay(this::tellOthers);
    }

    /** NOTIFY, on a pooled connection: sent as soon as its statement commits (auto-commit). */
    private void tellOthers() {
        try {
            database.jdbi().useHandle(h -> h.createQuery("SELECT pg_notify(:channel, :node)")
                .bind("channel", CHANNEL).bind("node", node).mapTo(String.class).findOne());
        } catch (RuntimeException e) {
            // The change itself is saved; other nodes show it when their pages expire.
            LOG.warn("could not tell the other nodes of a change ({})", e.getMessage());
        }
    }

    @Override
    protected void doStart() throws Exception {
        running = true;
        listener = new Thread(this::listen, "dispatch-relay");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        listener.interrupt();
        listener.join(2 * WAIT_MS + 1_000);
    }

    private void listen() {
        boolean again = false;
        while (running) {
            try (Connection connection = database.connectDirectly()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (again) {
                    LOG.info("listening for other nodes' changes again");
                    changes.changedElsewhere();
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] heard = pg.getNotifications(WAIT_MS);
                    if (heard != null && java.util.Arrays.stream(heard).anyMatch(n -> !node.equals(n.getParameter()))) {
                        changes.changedElsewhere();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("lost the connection that listens for other nodes' changes ({}); trying again", e.getMessage());
                again = true;
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }
}
