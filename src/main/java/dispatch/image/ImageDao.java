package dispatch.image;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ImageRow.class)
@RegisterConstructorMapper(Image.Rendition.class)
public interface ImageDao {

    String COLUMNS = "id, name, file, media_type, width, height, alt, decorative, caption, credit";

    @SqlQuery("SELECT " + COLUMNS + " FROM images WHERE id = :id")
    Optional<ImageRow> row(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM images WHERE name = :name")
    Optional<ImageRow> rowNamed(@Bind("name") String name);

    @SqlQuery("SELECT width, height, file FROM image_renditions WHERE image_id = :id ORDER BY width")
    java.util.List<Image.Rendition> renditions(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM images ORDER BY created_at DESC, id DESC")
    java.util.List<ImageRow> rows();

    /** Every image in the library, newest first. */
    default java.util.List<Image> all() {
        return rows().stream().map(r -> r.with(renditions(r.id()))).toList();
    }

    @org.jdbi.v3.sqlobject.statement.SqlUpdate(
        "UPDATE images SET alt = :alt, decorative = :decorative, caption = :caption, credit = :credit WHERE id = :id")
    int describe(@Bind("id") long id, @Bind("alt") String alt, @Bind("decorative") boolean decorative,
                 @Bind("caption") String caption, @Bind("credit") String credit);

    default Optional<Image> find(long id) {
        return row(id).map(r -> r.with(renditions(r.id())));
    }

    default Optional<Image> findByName(String name) {
        return rowNamed(name).map(r -> r.with(renditions(r.id())));
    }

    @SqlQuery("""
        INSERT INTO images (name, file, media_type, width, height, alt, decorative, caption, credit, created_at)
        VALUES (:name, :file, :mediaType, :width, :height, :alt, :decorative, :caption, :credit, :createdAt)
        RETURNING id""")
    long insert(@Bind("name") String name, @Bind("file") String file, @Bind("mediaType") String mediaType,
                @Bind("width") int width, @Bind("height") int height, @Bind("alt") String alt,
                @Bind("decorative") boolean decorative, @Bind("caption") String caption,
                @Bind("credit") String credit, @Bind("createdAt") Instant createdAt);

    @SqlUpdate("INSERT INTO image_renditions (image_id, width, height, file) VALUES (:imageId, :width, :height, :file)")
    void insertRendition(@Bind("imageId") long imageId, @Bind("width") int width, @Bind("height") int height,
                         @Bind("file") String file);
}
