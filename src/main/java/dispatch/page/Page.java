package dispatch.page;

import java.time.Instant;

/** A standing page such as "About us"; {@code bodyHtml} was rendered and sanitised when saved. */
public record Page(String slug, String title, String summary, String bodyHtml, Instant updatedAt) {}
