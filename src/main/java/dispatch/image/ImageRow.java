package dispatch.image;

import java.util.List;

/** One row of the images table, before its renditions are attached. */
record ImageRow(long id, String name, String file, String mediaType, int width, int height,
                String alt, boolean decorative, String caption, String credit) {

    Image with(List<Image.Rendition> renditions) {
        return new Image(id, name, file, mediaType, width, height, alt, decorative, caption, credit, renditions);
    }
}
