package dispatch.membership;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Plan.class)
public interface PlanDao {
    String COLUMNS = "code, name, price_minor, currency, period_months, position, active";

    /** The plans on offer, the default first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM plans WHERE active ORDER BY position")
    List<Plan> offered();

    @SqlQuery("SELECT " + COLUMNS + " FROM plans WHERE code = :code")
    Optional<Plan> find(@Bind("code") String code);

    /** Every plan, on offer or not, in the order they are offered. */
    @SqlQuery("SELECT " + COLUMNS + " FROM plans ORDER BY position, code")
    List<Plan> all();

    /** How many readers' memberships on the plan are paid up at {@code now}, cancelled ones running out included. */
    @SqlQuery("""
        SELECT COUNT(*) FROM subscriptions
         WHERE plan_code = :code AND status IN ('active', 'past_due', 'cancelled') AND current_period_end > :now""")
    int members(@Bind("code") String code, @Bind("now") java.time.Instant now);

    @SqlUpdate("""
        UPDATE plans SET name = :name, price_minor = :priceMinor, currency = :currency, period_months = :period,
               active = :active
         WHERE code = :code""")
    int update(@Bind("code") String code, @Bind("name") String name, @Bind("priceMinor") long priceMinor,
               @Bind("currency") String currency, @Bind("period") int periodMonths, @Bind("active") boolean active);

    /** Makes a plan the default: it is offered before every other. */
    @SqlUpdate("UPDATE plans SET position = CASE WHEN code = :code THEN 0 ELSE position + 1 END")
    void makeFirst(@Bind("code") String code);

    @SqlUpdate("""
        UPDATE plans SET price_minor = :priceMinor, currency = :currency, active = :active WHERE code = :code""")
    int set(@Bind("code") String code, @Bind("priceMinor") long priceMinor, @Bind("currency") String currency,
            @Bind("active") boolean active);
}
