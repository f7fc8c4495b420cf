package dispatch.article;

import dispatch.author.Author;
import dispatch.image.Image;
import dispatch.section.Section;
import dispatch.topic.Topic;
import java.time.Instant;
import java.util.List;

/**
 * A published article with everything its page shows. {@code bodyHtml} was rendered from
 * Markdown and sanitised when the article was saved (see {@link BodyRenderer}).
 * {@code leadImage} and {@code updatedAt} may be null.
 */
public record Article(long id, String slug, Kind kind, Section section, String headline, String standfirst,
                      String dateline, String language, String bodyHtml, int wordCount, Image leadImage,
                      String access, Instant publishedAt, Instant updatedAt, List<Author> authors,
                      List<Topic> topics, List<Correction> corrections) {

    /** Words a minute for an adult reading news prose silently; rounded up, at least one minute. */
    static final int WORDS_PER_MINUTE = 230;

    public String url() {
        return "/articles/" + slug;
    }

    public int readingMinutes() {
        return Math.max(1, (wordCount + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }

    /**
     * The lang attribute for the article's own text (headline, standfirst, body): its language
     * when that is not the interface's (English), so that a screen reader reads it in its own
     * language and the labels around it in English. Null otherwise.
     */
    public String langAttribute() {
        return dispatch.web.Languages.langAttribute(language);
    }

    public String dirAttribute() {
        return dispatch.web.Languages.dirAttribute(language);
    }

    public boolean membersOnly() {
        return "members".equals(access);
    }

    public boolean wasUpdated() {
        return updatedAt != null && !updatedAt.isBefore(publishedAt);
    }
}
