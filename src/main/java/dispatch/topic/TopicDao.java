package dispatch.topic;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Topic.class)
public interface TopicDao {
    @SqlQuery("SELECT id, slug, name, description FROM topics ORDER BY name")
    List<Topic> all();

    @SqlQuery("SELECT id, slug, name, description FROM topics WHERE slug = :slug")
    Optional<Topic> findBySlug(@Bind("slug") String slug);

    @SqlQuery("""
        SELECT t.id, t.slug, t.name, t.description FROM topics t
        JOIN article_topics at ON at.topic_id = t.id
        WHERE at.article_id = :articleId ORDER BY t.name""")
    List<Topic> ofArticle(@Bind("articleId") long articleId);

    @SqlQuery("INSERT INTO topics (slug, name, description) VALUES (:slug, :name, :description) RETURNING id")
    long insert(@Bind("slug") String slug, @Bind("name") String name, @Bind("description") String description);

    @SqlUpdate("INSERT INTO article_topics (article_id, topic_id) VALUES (:articleId, :topicId)")
    void tag(@Bind("articleId") long articleId, @Bind("topicId") long topicId);
}
