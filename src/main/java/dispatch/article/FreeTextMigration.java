package dispatch.article;

import dispatch.membership.Paywall;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 10: fills articles.free_text (added by V9__free_text.sql) for the articles already
 * stored, from their bodies, by the same rule the article page uses ({@link Paywall#freeText}).
 * It is Java because only the paywall knows where the free part ends; later saves write the
 * column themselves. It runs before V11, which builds the search index over it.
 */
public final class FreeTextMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("10");
    }

    @Override
    public String getDescription() {
        return "free text of stored articles";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, body_html FROM articles");
             PreparedStatement update = connection.prepareStatement("UPDATE articles SET free_text = ? WHERE id = ?")) {
            while (rows.next()) {
                update.setString(1, Paywall.freeText(rows.getString("body_html")));
                update.setLong(2, rows.getLong("id"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
