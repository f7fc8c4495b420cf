package dispatch.db;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The one seam where the database engine shows. Migrations are written in portable SQL with
 * Flyway placeholders for the few types that differ; instants are stored as ISO-8601 text in
 * UTC to the second, which sorts correctly as text and reads well in the SQLite shell.
 */
public enum Dialect {
    SQLITE;

    DataSource dataSource(String url) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        // WAL lets readers carry on while a write is in progress; the busy timeout makes a
        // second writer wait instead of failing at once.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(5_000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    /** Portable migrations, then the ones only this engine understands (full-text search). */
    String[] migrations() {
        return new String[] {"classpath:db/migration", "classpath:db/sqlite"};
    }

    Map<String, String> placeholders() {
        return Map.of("id", "INTEGER PRIMARY KEY AUTOINCREMENT");
    }

    void customise(Jdbi jdbi) {
        jdbi.registerArgument(new InstantAsText());
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> {
            String text = rs.getString(col);
            return text == null ? null : Instant.parse(text);
        });
        jdbi.registerArgument(new DateAsText());
        jdbi.registerColumnMapper(LocalDate.class, (rs, col, ctx) -> {
            String text = rs.getString(col);
            return text == null ? null : LocalDate.parse(text);
        });
    }

    /** The text form every instant is stored in. */
    public static String text(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static final class DateAsText extends AbstractArgumentFactory<LocalDate> {
        DateAsText() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(LocalDate value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, value.toString());
        }
    }

    private static final class InstantAsText extends AbstractArgumentFactory<Instant> {
        InstantAsText() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, text(value));
        }
    }
}
