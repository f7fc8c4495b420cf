package dispatch.check;

import dispatch.image.Image;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * Every image must come from the library and be described there (or marked decorative), because
 * the library is the only place alt text is written and can be checked.
 */
final class ImageChecks implements Check {
    private static final String SCHEME = "image:";
    private final Function<String, Optional<Image>> images;

    ImageChecks(Function<String, Optional<Image>> images) {
        this.images = images;
    }

    @Override
    public void check(ArticleDraft draft, Body body, Findings out) {
        Image lead = draft.leadImage();
        if (lead != null) {
            String name = "The lead image " + Quote.of(lead.name());
            if (!lead.isDescribed()) {
                out.add(noAlt("lead-image", name));
            } else {
                AltText.problems(lead, name, "lead-image").forEach(out::add);
            }
        }
        for (Element img : body.select("img")) {
            String src = img.attr("src").strip();
            if (!src.startsWith(SCHEME)) {
                out.add(img, notLibrary(src));
                continue;
            }
            String key = src.substring(SCHEME.length());
            Optional<Image> image = images.apply(key);
            if (image.isEmpty()) {
                out.add(img, unknown(key));
            } else if (!image.get().isDescribed()) {
                out.add(img, noAlt("body", "The image " + Quote.of(key)));
            } else {
                AltText.problems(image.get(), "The image " + Quote.of(key), "body").forEach(f -> out.add(img, f));
            }
        }
    }

    private static Finding noAlt(String field, String name) {
        return Finding.error("image-no-alt", field,
            name + " has no alt text.",
            "Screen-reader users hear the alt text instead of seeing the image. Without it they miss what the "
                + "image shows, or hear only its file name.",
            "Add alt text to the image in the image library, saying what the image shows that matters to this "
                + "article. If the image is only there for decoration, mark it as decorative instead.");
    }

    private static Finding unknown(String name) {
        return Finding.error("image-unknown", "body",
            "There is no image called " + Quote.of(name) + " in the image library.",
            "Readers would see nothing where the image should be, and the text around it may talk about an "
                + "image that is not there.",
            "Check the name after ‘image:’ against the image library, or add the image to the library with "
                + "alt text first.");
    }

    private static Finding notLibrary(String src) {
        return Finding.error("image-not-library", "body",
            "The image " + Quote.of(src.isEmpty() ? "(no address)" : src) + " is not from the image library.",
            "Only library images carry alt text, a caption and a credit that can be checked before publishing. "
                + "Other images are removed when the article is saved, so readers would never see them.",
            "Add the image to the image library with alt text, then put it in the body on a line of its own as "
                + "![](image:NAME), using its name in the library.");
    }
}
