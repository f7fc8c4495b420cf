package dispatch.check;

import dispatch.image.Image;

/**
 * What the checks look at: the article's fields as the editor typed them.
 *
 * @param language the article's language code, such as "en" or "fa"; blank means English
 * @param leadImage the lead image, or null if the article has none
 */
public record ArticleDraft(String headline, String standfirst, String language, String bodyMarkdown, Image leadImage) {}
