package dispatch.section;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Section.class)
public interface SectionDao {
    @SqlQuery("SELECT id, slug, name, description FROM sections ORDER BY position")
    List<Section> all();

    @SqlQuery("SELECT id, slug, name, description FROM sections WHERE slug = :slug")
    Optional<Section> findBySlug(@Bind("slug") String slug);

    @SqlQuery("""
        INSERT INTO sections (slug, name, description, position) VALUES (:slug, :name, :description, :position)
        RETURNING id""")
    long insert(@Bind("slug") String slug, @Bind("name") String name, @Bind("description") String description,
                @Bind("position") int position);
}
