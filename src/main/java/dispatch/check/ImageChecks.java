package dispatch.check;

import dispatch.image.Image;
import dispatch.web.Messages;
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
            if (!lead.isDescribed()) {
                out.add(Finding.error("image-no-alt", "lead-image", "imageNoAlt.lead", "imageNoAlt", lead.name()));
            } else {
                AltText.problems(lead, "lead", "lead-image", draft.language()).forEach(out::add);
            }
        }
        for (Element img : body.select("img")) {
            String src = img.attr("src").strip();
            if (!src.startsWith(SCHEME)) {
                // An image with no address is named by the words for that, in the finding's language.
                out.add(img, Finding.error("image-not-library", "body", "imageNotLibrary", "imageNotLibrary",
                    src.isEmpty() ? (Finding.Localized) l -> Messages.format(l, "check.noAddress") : Quote.shorten(src)));
                continue;
            }
            String key = src.substring(SCHEME.length());
            Optional<Image> image = images.apply(key);
            if (image.isEmpty()) {
                out.add(img, Finding.error("image-unknown", "body", "imageUnknown", "imageUnknown", Quote.shorten(key)));
            } else if (!image.get().isDescribed()) {
                out.add(img, Finding.error("image-no-alt", "body", "imageNoAlt.body", "imageNoAlt", Quote.shorten(key)));
            } else {
                AltText.problems(image.get(), "body", "body", draft.language()).forEach(f -> out.add(img, f));
            }
            // Alt text lives with the image in the library; words typed between ![ and ] are
            // dropped when the body is rendered, so the writer is told rather than left to find out.
            String typed = img.attr("alt").strip();
            if (!typed.isEmpty()) {
                out.add(img, Finding.warning("image-markdown-alt", "body", "imageMarkdownAlt", "imageMarkdownAlt",
                    Quote.of(typed, draft.language()), Quote.shorten(key)));
            }
        }
    }
}
