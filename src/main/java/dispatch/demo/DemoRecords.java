package dispatch.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The shapes of the demo publication's files. */
final class DemoRecords {
    record SectionEntry(String slug, String name, String description) {}

    record TopicEntry(String slug, String name, String description) {}

    record AuthorEntry(String slug, String name, String role, String portrait, String bio) {}

    record ImageEntry(String id, String file, String alt, boolean decorative, String caption, String credit) {}

    record CorrectionEntry(LocalDate date, String text) {}

    record ArticleFront(String slug, String kind, String section, List<String> topics, List<String> authors,
                        String headline, String standfirst, String dateline, String language, Instant published,
                        Instant updated, String access, String image, List<CorrectionEntry> corrections,
                        @com.fasterxml.jackson.annotation.JsonProperty("translation_of") String translationOf) {}

    record StaffEntry(String email, String name, String role) {}

    record PageFront(String slug, String title, String summary) {}

    private DemoRecords() {}
}
