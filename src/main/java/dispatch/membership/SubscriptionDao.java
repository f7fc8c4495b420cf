package dispatch.membership;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Subscription.class)
public interface SubscriptionDao {
    String COLUMNS = "id, user_id, plan_code, gateway, gateway_ref, status, current_period_end, cancel_at_period_end, created_at";

    /** A reader's memberships, newest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE user_id = :userId ORDER BY created_at DESC, id DESC")
    List<Subscription> of(@Bind("userId") long userId);

    @SqlQuery("SELECT " + COLUMNS + " FROM subscriptions WHERE gateway = :gateway AND gateway_ref = :ref")
    Optional<Subscription> byRef(@Bind("gateway") String gateway, @Bind("ref") String ref);

    @SqlQuery("""
        INSERT INTO subscriptions (user_id, plan_code, gateway, gateway_ref, status, created_at, updated_at)
        VALUES (:userId, :plan, :gateway, :ref, 'pending', :now, :now) RETURNING id""")
    long insertPending(@Bind("userId") long userId, @Bind("plan") String plan, @Bind("gateway") String gateway,
                       @Bind("ref") String ref, @Bind("now") Instant now);

    /** Applies a gateway's report, unless a later one has been applied already (webhooks arrive in any order). */
    @SqlUpdate("""
        UPDATE subscriptions SET status = :status, current_period_end = :periodEnd,
               cancel_at_period_end = :cancelAtPeriodEnd, updated_at = :now, gateway_event_at = :eventAt
        WHERE id = :id AND (gateway_event_at IS NULL OR gateway_event_at <= :eventAt)""")
    int apply(@Bind("id") long id, @Bind("status") String status, @Bind("periodEnd") Instant periodEnd,
              @Bind("cancelAtPeriodEnd") boolean cancelAtPeriodEnd, @Bind("eventAt") Instant eventAt, @Bind("now") Instant now);

    @SqlUpdate("UPDATE subscriptions SET gateway_ref = :ref WHERE id = :id")
    int setRef(@Bind("id") long id, @Bind("ref") String ref);

    @SqlUpdate("INSERT INTO payment_events (gateway, event_id, type, received_at) VALUES (:gateway, :id, :type, :now) ON CONFLICT DO NOTHING")
    int recordEvent(@Bind("gateway") String gateway, @Bind("id") String eventId, @Bind("type") String type,
                    @Bind("now") Instant now);
}
