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

    @SqlUpdate("""
        UPDATE plans SET price_minor = :priceMinor, currency = :currency, active = :active WHERE code = :code""")
    int set(@Bind("code") String code, @Bind("priceMinor") long priceMinor, @Bind("currency") String currency,
            @Bind("active") boolean active);
}
