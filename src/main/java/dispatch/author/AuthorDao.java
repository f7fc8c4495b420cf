package dispatch.author;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Author.class)
public interface AuthorDao {
    String COLUMNS = "a.id, a.slug, a.name, a.role, a.bio, a.portrait_image_id";

    @SqlQuery("SELECT " + COLUMNS + " FROM authors a ORDER BY a.name")
    List<Author> all();

    @SqlQuery("SELECT " + COLUMNS + " FROM authors a WHERE a.slug = :slug")
    Optional<Author> findBySlug(@Bind("slug") String slug);

    @SqlQuery("SELECT " + COLUMNS + """
         FROM authors a JOIN article_authors aa ON aa.author_id = a.id
        WHERE aa.article_id = :articleId ORDER BY aa.position""")
    List<Author> ofArticle(@Bind("articleId") long articleId);

    @SqlQuery("""
        INSERT INTO authors (slug, name, role, bio, portrait_image_id)
        VALUES (:slug, :name, :role, :bio, :portraitImageId) RETURNING id""")
    long insert(@Bind("slug") String slug, @Bind("name") String name, @Bind("role") String role,
                @Bind("bio") String bio, @Bind("portraitImageId") Long portraitImageId);

    @SqlUpdate("INSERT INTO article_authors (article_id, author_id, position) VALUES (:articleId, :authorId, :position)")
    void credit(@Bind("articleId") long articleId, @Bind("authorId") long authorId, @Bind("position") int position);
}
