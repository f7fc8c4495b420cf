package dispatch.activity;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The activity log: every change made in the newsroom, recorded in the same transaction as the
 * change itself, so the log and the data can never disagree.
 */
@RegisterConstructorMapper(Activity.class)
public interface ActivityLog {
    @SqlUpdate("INSERT INTO activity_log (user_id, action, target, details, at) VALUES (:userId, :action, :target, :details, :at)")
    void record(@Bind("userId") Long userId, @Bind("action") String action, @Bind("target") String target,
                @Bind("details") String details, @Bind("at") Instant at);

    @SqlQuery("""
        SELECT l.id, u.name AS user_name, l.action, l.target, l.details, l.at
          FROM activity_log l LEFT JOIN users u ON u.id = l.user_id
         ORDER BY l.at DESC, l.id DESC LIMIT :limit OFFSET :offset""")
    List<Activity> latest(@Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT COUNT(*) FROM activity_log")
    int count();
}
