package dispatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.image.Image;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BodyRendererTest {
    private static final Image MAP = new Image(1, "map", "map.png", "image/png", 1600, 900,
        "Diagram of a road between two shaded areas", false, "The only road out.", "Diagram: Meridian East",
        List.of(new Image.Rendition(800, 450, "map-800.png")));
    private final BodyRenderer renderer = new BodyRenderer(name -> name.equals("map") ? Optional.of(MAP) : Optional.empty());

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown).html());
    }

    @Test
    void library_image_becomes_a_figure_with_alt_text_caption_and_credit() {
        Element figure = render("Before.\n\n![](image:map)\n\nAfter.").selectFirst("figure");
        Element img = figure.selectFirst("img");
        assertEquals("Diagram of a road between two shaded areas", img.attr("alt"));
        assertEquals("/media/map-800.png", img.attr("src"));
        assertEquals("/media/map-800.png 800w, /media/map.png 1600w", img.attr("srcset"));
        assertEquals("1600", img.attr("width"));
        assertEquals("lazy", img.attr("loading"));
        assertEquals("The only road out. Diagram: Meridian East", figure.selectFirst("figcaption").text());
        assertNull(figure.parent().closest("p"), "a figure is never left inside a paragraph");
    }

    @Test
    void images_that_are_not_in_the_library_are_removed() {
        Document doc = render("![a cat](https://example.com/cat.jpg)\n\n![](image:unknown)");
        assertTrue(doc.select("img").isEmpty());
    }

    @Test
    void passages_in_right_to_left_languages_get_their_direction() {
        Document doc = render("He said <span lang=\"fa\">سلام</span> and <span lang=\"tr\">merhaba</span>.");
        assertEquals("rtl", doc.selectFirst("[lang=fa]").attr("dir"));
        assertFalse(doc.selectFirst("[lang=tr]").hasAttr("dir"));
    }

    @Test
    void table_gets_its_caption_header_scope_and_a_labelled_scrolling_region() {
        Document doc = render("Table: Results\n\n| Candidate | Share |\n|---|---:|\n| A | 52% |\n");
        Element table = doc.selectFirst("table");
        assertEquals("Results", table.selectFirst("caption").text());
        assertEquals("col", table.selectFirst("th").attr("scope"));
        Element wrap = table.parent();
        assertEquals("region", wrap.attr("role"));
        assertEquals("Results", wrap.attr("aria-label"));
        assertTrue(doc.select("p").isEmpty(), "the caption paragraph moved into the table");
    }

    @Test
    void scripts_styles_handlers_and_javascript_links_never_survive() {
        String html = renderer.render("""
            <script>alert(1)</script>
            <p onclick="alert(2)" style="color:red">Hi <a href="javascript:alert(3)">there</a></p>
            <iframe src="https://example.com"></iframe>

            [ok](/articles/some-article) and [out](https://example.org/page)
            """).html();
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("onclick"));
        assertFalse(html.contains("style="));
        assertFalse(html.contains("javascript:"));
        assertFalse(html.contains("<iframe"));
        Document doc = Jsoup.parseBodyFragment(html);
        assertNotNull(doc.selectFirst("a[href=/articles/some-article]"), "links within the site are kept: " + html);
        assertNotNull(doc.selectFirst("a[href=https://example.org/page]"));
    }

    @Test
    void counts_the_words_readers_read() {
        assertEquals(5, renderer.render("One two three.\n\n## Four five").wordCount());
    }
}
