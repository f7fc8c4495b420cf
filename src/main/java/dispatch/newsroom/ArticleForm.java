package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.article.Kind;
import dispatch.author.Author;
import dispatch.image.Image;
import dispatch.section.Section;
import dispatch.topic.Topic;
import dispatch.web.Form;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The article form's fields, read and checked. Field names are also the inputs' ids, so error
 * messages link straight to them. Times are typed and shown in UTC.
 */
final class ArticleForm {
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int HEADLINE_MAX = 300;
    static final int STANDFIRST_MAX = 1000;
    static final int BODY_MAX = 200_000;

    /** The fields, once they have been checked: ids resolved, text trimmed. */
    record Input(String headline, String standfirst, String kind, Section section, List<Topic> topics,
                 List<Author> authors, String dateline, String language, String access, String body, Image leadImage,
                 String slug, Instant publishAt) {}

    /** What the form's choices are made of. */
    record Choices(List<Section> sections, List<Topic> topics, List<Author> authors, List<Image> images) {}

    private ArticleForm() {}

    /** Reads the form, adding an error for every field that cannot be used. */
    static Optional<Input> read(Form form, Choices choices, boolean scheduling) {
        String headline = form.trimmed("headline");
        if (headline.isEmpty()) {
            form.error("headline", t("newsroom.errorHeadline"));
        } else if (headline.length() > HEADLINE_MAX) {
            form.error("headline", t("newsroom.errorHeadlineLong", HEADLINE_MAX));
        }
        String standfirst = form.trimmed("standfirst");
        if (standfirst.length() > STANDFIRST_MAX) {
            form.error("standfirst", t("newsroom.errorStandfirstLong", STANDFIRST_MAX));
        }
        String kind = form.value("kind");
        if (Kind.of(kind).isEmpty()) {
            form.error("kind", t("newsroom.errorKind"));
        }
        Section section = choices.sections().stream().filter(s -> String.valueOf(s.id()).equals(form.value("section")))
            .findFirst().orElse(null);
        if (section == null) {
            form.error("section", t("newsroom.errorSection"));
        }
        List<Topic> topics = choices.topics().stream().filter(t -> form.has("topics", String.valueOf(t.id()))).toList();
        List<Author> authors = choices.authors().stream().filter(a -> form.has("authors", String.valueOf(a.id()))).toList();
        if (authors.isEmpty()) {
            form.error("authors", t("newsroom.errorWriters"));
        }
        String language = form.trimmed("language");
        if (!LANGUAGE.matcher(language).matches()) {
            form.error("language", t("newsroom.errorLanguage"));
        }
        String access = form.value("access");
        if (!access.equals("free") && !access.equals("members")) {
            form.error("access", t("newsroom.errorAccess"));
        }
        String body = form.value("body").replace("\r\n", "\n");
        if (body.length() > BODY_MAX) {
            form.error("body", t("newsroom.errorBodyLong", BODY_MAX));
        }
        Image lead = choices.images().stream().filter(i -> String.valueOf(i.id()).equals(form.value("lead-image")))
            .findFirst().orElse(null);
        if (lead == null && !form.value("lead-image").isEmpty()) {
            form.error("lead-image", t("newsroom.errorLeadImage"));
        }
        String slug = form.trimmed("slug");
        if (!slug.isEmpty() && (!SLUG.matcher(slug).matches() || slug.length() > 120)) {
            form.error("slug", t("newsroom.errorSlug"));
        }
        Instant publishAt = null;
        if (scheduling) {
            publishAt = time(form.trimmed("publish-at"));
            if (publishAt == null) {
                form.error("publish-at", t("newsroom.errorPublishAt"));
            } else if (!publishAt.isAfter(Instant.now())) {
                form.error("publish-at", t("newsroom.errorPublishAtPast"));
            }
        }
        if (form.hasErrors()) {
            return Optional.empty();
        }
        String dateline = form.trimmed("dateline");
        return Optional.of(new Input(headline, standfirst, kind, section, topics, authors,
            dateline.isEmpty() ? null : dateline, language, access, body, lead, slug, publishAt));
    }

    /** A time typed as "2026-12-01T09:30" (datetime-local) or "2026-12-01 09:30", in UTC. */
    static Instant time(String typed) {
        try {
            return LocalDateTime.parse(typed.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A web address from a headline: "Oil prices fall 5%" becomes "oil-prices-fall-5". */
    static String slugFrom(String headline) {
        String ascii = java.text.Normalizer.normalize(headline, java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replace("ı", "i");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "article" : slug;
    }
}
