package dispatch.changes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The signal that the publication has changed: anything a reader can see (an article, section,
 * writer, topic, image or standing page). Everything that keeps rendered pages (the page cache)
 * subscribes and drops what it holds.
 *
 * <p>All of that content is written through the newsroom, so the newsroom raises the signal
 * after each of its POSTs (see NewsroomFilter); the demo publication is loaded before the
 * server starts, and the command-line tools change no public page.
 *
 * <p>Several app nodes: a relay (on PostgreSQL, {@link dispatch.db.PostgresRelay}, which sends NOTIFY) registers with
 * {@link #relay} and is told of changes made on this node; when it hears of a change made on
 * another node it calls {@link #changedElsewhere}, which clears this node's caches without
 * relaying the news back.
 */
public final class ContentChanges {
    private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();
    private final List<Runnable> relays = new CopyOnWriteArrayList<>();

    /** Called on every change, whichever node made it. */
    public void subscribe(Runnable subscriber) {
        subscribers.add(subscriber);
    }

    /** Called on every change made on this node, to pass it on to the others. */
    public void relay(Runnable relay) {
        relays.add(relay);
    }

    /** Content was changed here. */
    public void changed() {
        subscribers.forEach(Runnable::run);
        relays.forEach(Runnable::run);
    }

    /** Another node reports that it changed content. */
    public void changedElsewhere() {
        subscribers.forEach(Runnable::run);
    }
}
