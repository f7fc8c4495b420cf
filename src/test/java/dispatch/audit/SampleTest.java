package dispatch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which template a page is made from, as its address tells, and which pages a sample takes. */
class SampleTest {
    private static final String SITE = "https://news.example.org";

    private static String template(String path) {
        return Sample.template(SITE + path);
    }

    @Test
    void numbers_and_the_last_slug_are_generalised_and_the_query_is_left_out() {
        assertEquals("/articles/{slug}", template("/articles/lake-urmia-and-iran-water-crisis"));
        assertEquals("/articles/{slug}", template("/articles/ar-erdogan-aliyev-nakhchivan"));
        assertEquals("/sections/{slug}", template("/sections/iran?page=2"));
        assertEquals("/topics/{slug}", template("/topics/diplomacy?before=2026-01-01T00:00:00Z-1"));
        assertEquals("/archive/{number}/{number}", template("/archive/2023/09"));
        assertEquals("/newsroom/articles/{number}/{slug}", template("/newsroom/articles/12/revisions"));
        assertEquals("/authors/{slug}/", template("/authors/emre-kaya/"));
    }

    @Test
    void the_first_segment_names_a_part_of_the_site_and_stays() {
        assertEquals("/", template("/"));
        assertEquals("/", template(""));
        assertEquals("/about", template("/about"));
        assertEquals("/search", template("/search?q=water&page=3"));
        assertEquals("/2026", template("/2026"));
        assertEquals("/sections/", template("/sections/"));
    }

    @Test
    void the_first_pages_of_each_template_in_the_order_found_are_taken_and_a_page_alone_of_its_kind_always() {
        List<String> found = List.of("/", "/articles/a", "/articles/b", "/about", "/articles/c", "/sections/x?page=2",
            "/sections/y").stream().map(p -> SITE + p).toList();
        Sample sample = Sample.of(found, 2, 100);
        assertEquals(List.of("/", "/articles/a", "/articles/b", "/about", "/sections/x?page=2", "/sections/y").stream()
            .map(p -> SITE + p).toList(), sample.pages());
        assertEquals(List.of(new AuditReport.Template("/", 1, 1), new AuditReport.Template("/articles/{slug}", 3, 2),
            new AuditReport.Template("/about", 1, 1), new AuditReport.Template("/sections/{slug}", 2, 2)),
            sample.templates());
        assertEquals(sample, Sample.of(found, 2, 100), "the same pages every time");
    }

    @Test
    void the_page_limit_still_caps_a_sample_and_the_templates_say_what_it_left_out() {
        List<String> found = List.of("/", "/articles/a", "/articles/b", "/about").stream().map(p -> SITE + p).toList();
        Sample sample = Sample.of(found, 5, 2);
        assertEquals(List.of(SITE + "/", SITE + "/articles/a"), sample.pages());
        assertEquals(List.of(new AuditReport.Template("/", 1, 1), new AuditReport.Template("/articles/{slug}", 2, 1),
            new AuditReport.Template("/about", 1, 0)), sample.templates());
    }
}
