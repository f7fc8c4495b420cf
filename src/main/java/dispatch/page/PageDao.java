package dispatch.page;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Page.class)
public interface PageDao {
    @SqlQuery("SELECT slug, title, summary, body_html, updated_at FROM pages WHERE slug = :slug")
    Optional<Page> find(@Bind("slug") String slug);

    @SqlUpdate("""
        INSERT INTO pages (slug, title, summary, body_html, updated_at)
        VALUES (:slug, :title, :summary, :bodyHtml, :updatedAt)""")
    void insert(@Bind("slug") String slug, @Bind("title") String title, @Bind("summary") String summary,
                @Bind("bodyHtml") String bodyHtml, @Bind("updatedAt") Instant updatedAt);
}
