package dispatch.membership;

import dispatch.account.User;
import dispatch.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Plans, joining, cancelling, and the subscription state that entitlement follows from. */
public final class Membership {
    private final Database database;
    private final Clock clock;
    private final PaymentGateway gateway;

    public Membership(Database database, Clock clock, PaymentGateway gateway) {
        this.database = database;
        this.clock = clock;
        this.gateway = gateway;
    }

    public PaymentGateway gateway() {
        return gateway;
    }

    public List<Plan> plans() {
        return database.dao(PlanDao.class).offered();
    }

    public Optional<Plan> plan(String code) {
        return database.dao(PlanDao.class).find(code).filter(Plan::active);
    }

    /** The membership that matters now: the one giving access, else the newest. */
    public Optional<Subscription> current(User user) {
        List<Subscription> all = database.dao(SubscriptionDao.class).of(user.id());
        Instant now = clock.instant();
        return all.stream().filter(s -> s.entitles(now)).findFirst().or(() -> all.stream().findFirst());
    }

    /** Whether the reader may read everything: a member now, or staff. */
    public boolean entitled(User user) {
        if (user == null) {
            return false;
        }
        if (user.isStaff()) {
            return true;
        }
        Instant now = clock.instant();
        return database.dao(SubscriptionDao.class).of(user.id()).stream().anyMatch(s -> s.entitles(now));
    }

    /** Starts joining: a pending subscription, and the gateway's checkout to send the reader to. */
    public PaymentGateway.Checkout join(User user, Plan plan, String siteUrl) {
        PaymentGateway.Checkout checkout = gateway.start(user, plan, siteUrl);
        database.dao(SubscriptionDao.class).insertPending(user.id(), plan.code(), gateway.name(), checkout.reference(),
            clock.instant());
        return checkout;
    }

    public Optional<Subscription> byReference(String reference) {
        return database.dao(SubscriptionDao.class).byRef(gateway.name(), reference);
    }

    /**
     * Applies what the gateway reported. The same event twice changes nothing (its id is
     * recorded in the same transaction), and an event older than the last one applied to the
     * subscription is recorded but ignored, so events arriving out of order leave the newest state.
     *
     * @return whether the subscription changed
     */
    public boolean apply(GatewayEvent event) {
        return apply(event, null);
    }

    /**
     * Applies what the gateway reported and, in the same transaction, gives the subscription the
     * gateway's lasting reference for it: a checkout that has completed names the subscription it
     * created, and later events name that. Null keeps the reference.
     */
    public boolean apply(GatewayEvent event, String newReference) {
        Instant now = clock.instant();
        return database.jdbi().inTransaction(h -> {
            SubscriptionDao subscriptions = h.attach(SubscriptionDao.class);
            if (subscriptions.recordEvent(event.gateway(), event.id(), event.type(), now) == 0) {
                return false;
            }
            return subscriptions.byRef(event.gateway(), event.reference())
                .map(s -> {
                    if (newReference != null) {
                        subscriptions.setRef(s.id(), newReference);
                    }
                    return subscriptions.apply(s.id(), event.status(), event.periodEnd(), event.cancelAtPeriodEnd(),
                        event.createdAt(), now) == 1;
                })
                .orElse(false);
        });
    }

    /** Stops the reader's membership renewing; what they paid for runs to its end. */
    public boolean cancel(User user) {
        Optional<Subscription> current = current(user).filter(Subscription::renews);
        current.ifPresent(gateway::cancel);
        return current.isPresent();
    }
}
