package dispatch.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.image.Image;
import dispatch.web.Languages;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArticleChecksTest {
    private static final Image MAP = image("map", "Diagram of a road between two shaded areas", false,
        "The only road out.");
    private static final Image UNDESCRIBED = image("upload", null, false, null);
    private static final Image DECORATIVE = image("flourish", null, true, null);
    private static final Image FILE_NAME = image("camera", "IMG_1234.JPG", false, null);
    private static final Image PHOTO_OF = image("photo", "Photo of a tanker in a narrow strait", false, null);
    private static final Image ECHO = image("echo", "Tehran, at dusk.", false, "Tehran at dusk");
    private static final Map<String, Image> LIBRARY = Map.of("map", MAP, "upload", UNDESCRIBED,
        "flourish", DECORATIVE, "camera", FILE_NAME, "photo", PHOTO_OF, "echo", ECHO);

    private final ArticleChecks checks = new ArticleChecks(name -> Optional.ofNullable(LIBRARY.get(name)));

    private static Image image(String name, String alt, boolean decorative, String caption) {
        return new Image(name.hashCode(), name, name + ".png", "image/png", 1600, 900, alt, decorative, caption,
            "Illustration: Meridian East", List.of());
    }

    private List<Finding> body(String markdown) {
        return checks.check(new ArticleDraft("A headline", "A standfirst.", "en", markdown, MAP));
    }

    private static List<Finding> coded(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    /** The one finding with this code, which must be there. */
    private static Finding only(List<Finding> findings, String code) {
        List<Finding> found = coded(findings, code);
        assertEquals(1, found.size(), () -> code + " in " + findings);
        return found.get(0);
    }

    @Test
    void a_clean_article_gives_no_findings() {
        List<Finding> findings = checks.check(new ArticleDraft("Armenia and Azerbaijan agree a border",
            "The first stretch of border is marked.", "en", """
            NATO and the EU welcomed the deal, which the US, UK and France had pressed for.

            ![](image:map)

            ## What was agreed

            The road is called <span lang="hy">Խաղաղության խաչմերուկ</span> in Armenian, as our
            [report on the border talks](/articles/border-talks) explains.

            ### The villages

            Table: Villages returned

            | Village | Households |
            |---|---:|
            | Baghanis | 120 |

            ## What comes next

            ![](image:flourish)
            """, MAP));
        assertEquals(List.of(), findings);
    }

    @Test
    void an_image_with_no_alt_text_blocks_publishing() {
        List<Finding> findings = body("Text.\n\n![](image:upload)\n");
        Finding f = only(findings, "image-no-alt");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("body", f.field());
        assertTrue(f.message().contains("‘upload’"), f.message());
        assertTrue(ArticleChecks.blocksPublishing(findings));
        assertTrue(coded(body("![](image:flourish)\n"), "image-no-alt").isEmpty(), "a decorative image needs none");
    }

    @Test
    void a_lead_image_with_no_alt_text_blocks_publishing() {
        List<Finding> findings = checks.check(new ArticleDraft("A headline", "A standfirst.", "en", "Text.", UNDESCRIBED));
        assertEquals("lead-image", only(findings, "image-no-alt").field());
        assertTrue(ArticleChecks.blocksPublishing(findings));
        assertFalse(ArticleChecks.blocksPublishing(
            checks.check(new ArticleDraft("A headline", "A standfirst.", "en", "Text.", null))), "no lead image is fine");
    }

    @Test
    void an_image_missing_from_the_library_is_an_error() {
        Finding f = only(body("![](image:nowhere)\n"), "image-unknown");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("‘nowhere’"), f.message());
        assertTrue(coded(body("![](image:map)\n"), "image-unknown").isEmpty());
    }

    @Test
    void an_image_from_outside_the_library_is_an_error() {
        List<Finding> findings = body("![A cat](https://example.com/cat.jpg)\n\n![](pictures/dog.png)\n\n"
            + "<img src=\"https://example.com/x.gif\" alt=\"x\">\n");
        assertEquals(3, coded(findings, "image-not-library").size(), findings::toString);
        assertTrue(findings.get(0).message().contains("‘https://example.com/cat.jpg’"), findings.get(0).message());
    }

    @Test
    void alt_text_typed_in_the_body_for_a_library_image_is_a_warning_that_says_where_alt_text_lives() {
        Finding f = only(body("![IMG_2041.jpg](image:map)\n"), "image-markdown-alt");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("‘IMG_2041.jpg’") && f.message().contains("‘map’"), f.message());
        assertTrue(f.fix().contains("image library"), f.fix());
        assertTrue(coded(body("![](image:map)\n"), "image-markdown-alt").isEmpty(), "nothing typed, nothing lost");
        assertTrue(coded(body("![ ](image:map)\n"), "image-markdown-alt").isEmpty(), "a space is nothing typed");
    }

    @Test
    void alt_text_that_looks_like_a_file_name_is_a_warning() {
        Finding f = only(body("![](image:camera)\n"), "alt-quality");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("file name: ‘IMG_1234.JPG’"), f.message());
        assertTrue(coded(body("![](image:map)\n"), "alt-quality").isEmpty());
    }

    @Test
    void alt_text_starting_photo_of_is_a_warning_but_naming_a_diagram_is_fine() {
        Finding f = only(body("![](image:photo)\n"), "alt-quality");
        assertTrue(f.message().contains("starts with ‘Photo of’"), f.message());
        assertTrue(f.fix().contains("Remove ‘Photo of’"), f.fix());
        assertTrue(coded(body("![](image:map)\n"), "alt-quality").isEmpty(), "‘Diagram of’ tells the listener something");
    }

    @Test
    void alt_text_that_repeats_the_caption_is_a_warning() {
        Finding f = only(checks.check(new ArticleDraft("A headline", "A standfirst.", "en", "Text.", ECHO)),
            "alt-quality");
        assertEquals("lead-image", f.field());
        assertTrue(f.message().contains("repeats its caption"), f.message());
    }

    @Test
    void long_alt_text_is_a_warning_but_a_chart_has_more_room() {
        String detail = "with snow on the peaks, a tall tower in the middle, low blocks of flats in front, "
            + "and a grey haze of traffic fumes hanging over the streets";
        Image city = image("city", "A city under mountains " + detail, false, null);
        Image chart = image("chart", "Bar chart of inflation from 2019 to 2024: 11.8, 12.3, 19.6, 72.3, "
            + "64.8 and 44.4 per cent, rising to a peak in 2022 and then falling over the next two years", false, null);
        assertTrue(chart.alt().length() > AltText.LIMIT, "the chart's alt text is long too");
        ArticleChecks checks = new ArticleChecks(n -> Optional.ofNullable(Map.of("city", city, "chart", chart).get(n)));
        List<Finding> findings = checks.check(new ArticleDraft("A headline", "A standfirst.", "en",
            "![](image:city)\n\n![](image:chart)\n", null));
        Finding f = only(findings, "alt-quality");
        assertTrue(f.message().contains("‘city’ is 162 characters long"), f.message());
        assertTrue(f.fix().contains("caption or the body"), f.fix());
    }

    @Test
    void a_level_1_heading_in_the_body_is_an_error() {
        Finding f = only(body("# Background\n\nText.\n"), "heading-level-1");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("‘Background’"), f.message());
        assertTrue(coded(body("## Background\n\nText.\n"), "heading-level-1").isEmpty());
    }

    @Test
    void a_heading_that_skips_a_level_is_an_error() {
        Finding first = only(body("### Too deep\n\nText.\n"), "heading-skip");
        assertEquals("The heading ‘Too deep’ is level 3, but there is no level 2 heading before it.", first.message());
        assertTrue(first.fix().startsWith("Make it a level 2 heading (##"), first.fix());
        Finding later = only(body("## Section\n\n#### Detail\n"), "heading-skip");
        assertTrue(later.message().contains("follows a level 2 heading"), later.message());
        assertTrue(coded(body("## A\n\n### B\n\n#### C\n\n## D\n\n### E\n"), "heading-skip").isEmpty(),
            "going back up any number of levels is fine");
    }

    @Test
    void vague_link_text_is_a_warning_with_advice() {
        List<Finding> findings = body("For the report [click here](/r). [Read more →](/m) and [Here.](/h)\n");
        List<Finding> vague = coded(findings, "link-text");
        assertEquals(3, vague.size(), findings::toString);
        assertEquals(Severity.WARNING, vague.get(0).severity());
        assertTrue(vague.get(0).message().contains("‘click here’ does not say where the link goes"), vague.get(0).message());
        assertTrue(vague.get(0).why().contains("Screen-reader users"), vague.get(0).why());
        assertTrue(coded(body("See [here is the full report](/r) and [more on the vote](/v).\n"), "link-text").isEmpty());
    }

    @Test
    void a_link_with_no_text_or_only_an_image_is_a_warning() {
        List<Finding> findings = coded(body("[](/empty) and [ ![](image:map) ](/pictured)\n"), "link-text");
        assertEquals(2, findings.size(), findings::toString);
        assertTrue(findings.get(0).message().contains("‘/empty’ has no text"), findings.get(0).message());
        assertTrue(findings.get(1).message().contains("only an image"), findings.get(1).message());
    }

    @Test
    void a_web_address_as_link_text_is_a_warning() {
        List<Finding> findings = coded(body("See <https://example.org/report> and [www.example.org](https://example.org).\n"),
            "link-text");
        assertEquals(2, findings.size(), findings::toString);
        assertTrue(findings.get(0).message().contains("is a web address"), findings.get(0).message());
    }

    @Test
    void a_table_without_header_cells_is_an_error() {
        Finding html = only(body("<table><tr><td>2020</td><td>42</td></tr></table>\n"), "table-no-headers");
        assertEquals(Severity.ERROR, html.severity());
        assertTrue(html.message().contains("‘2020 42’ has no header cells"), html.message());
        Finding empty = only(body("Table: Oil prices\n\n|  |  |\n|---|---|\n| 2020 | 42 |\n"), "table-no-headers");
        assertTrue(empty.message().contains("‘Oil prices’ has header cells, but they are all empty"), empty.message());
        assertTrue(coded(body("| Year | Price |\n|---|---|\n| 2020 | 42 |\n"), "table-no-headers").isEmpty());
    }

    @Test
    void arabic_without_a_lang_span_is_a_warning_that_quotes_it() {
        Finding f = only(body("The slogan <em>زن،</em> زندگی، آزادی spread quickly.\n"), "lang-missing");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().startsWith("‘زن، زندگی، آزادی’ is in Arabic script"), f.message());
        assertTrue(f.fix().contains("<span lang=\"ar\">…</span> for Arabic"), f.fix());
    }

    @Test
    void arabic_inside_a_lang_span_is_fine() {
        assertTrue(coded(body("In Arabic, <span lang=\"ar\" dir=\"rtl\">إعلان <em>العلا</em></span>.\n\n"
            + "<p lang=\"he\">שער שכם</p>\n"), "lang-missing").isEmpty());
        assertTrue(coded(body("The letter ب alone, or بی, is too short to matter.\n"), "lang-missing").isEmpty());
    }

    @Test
    void a_persian_article_may_use_latin_names_but_must_mark_hebrew() {
        List<Finding> findings = checks.check(new ArticleDraft("عنوان", "خلاصه", "fa",
            "سازمان ملل و IAEA گفتند که شهر שער שכם است.\n", MAP));
        Finding f = only(findings, "lang-missing");
        assertTrue(f.message().startsWith("‘שער שכם’ is in Hebrew script"), f.message());
    }

    @Test
    void foreign_script_in_the_headline_is_a_warning_for_the_headline() {
        Finding f = only(checks.check(new ArticleDraft("Crowds chant דמוקרטיה in Tel Aviv", "A standfirst.", "en",
            "Text.", MAP)), "lang-missing");
        assertEquals("headline", f.field());
        assertTrue(f.fix().contains("Latin letters"), f.fix());
    }

    @Test
    void a_long_passage_in_capitals_is_a_warning() {
        Finding f = only(body("The banner read WE WILL NOT GO BACK to the old days.\n"), "capitals");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().startsWith("‘WE WILL NOT GO BACK’ is written in capital letters"), f.message());
        assertEquals(1, coded(body("## THIS IS A VERY IMPORTANT UPDATE\n"), "capitals").size());
        assertEquals(1, coded(body("URGENT: THE CEASEFIRE HAS COLLAPSED, say officials.\n"), "capitals").size(),
            "a paragraph mostly in capitals");
        assertEquals("headline", only(checks.check(new ArticleDraft("BREAKING NEWS FROM THE GULF TODAY",
            "A standfirst.", "en", "Text.", MAP)), "capitals").field());
    }

    @Test
    void a_few_acronyms_in_a_row_are_fine() {
        assertTrue(coded(body("NATO and the EU met the UN and the IMF. The CHP beat the AKP in the polls.\n"),
            "capitals").isEmpty());
        assertTrue(coded(body("Code like `MAX_SIZE IS NOT SHOUTING HERE` is left alone.\n"), "capitals").isEmpty());
    }

    @Test
    void the_headline_must_be_there_and_not_too_long_and_the_standfirst_should_be_there() {
        List<Finding> blank = checks.check(new ArticleDraft("  ", "", "en", "Text.", MAP));
        assertEquals(Severity.ERROR, only(blank, "headline-missing").severity());
        assertEquals(Severity.WARNING, only(blank, "standfirst-missing").severity());
        Finding tooLong = only(checks.check(new ArticleDraft("Words ".repeat(20).strip(), "A standfirst.", "en",
            "Text.", MAP)), "headline-long");
        assertTrue(tooLong.message().contains("119 characters"), tooLong.message());
        assertTrue(checks.check(new ArticleDraft("x".repeat(100), "A standfirst.", "en", "Text.", MAP)).isEmpty());
    }

    @Test
    void errors_come_first_then_warnings_each_in_the_order_of_the_form() {
        List<Finding> findings = checks.check(new ArticleDraft("", "", "en", """
            [click here](/a)

            ### Skipped

            ![](image:nowhere)
            """, UNDESCRIBED));
        assertEquals(List.of("headline-missing", "heading-skip", "image-unknown", "image-no-alt",
            "standfirst-missing", "link-text"), findings.stream().map(Finding::code).toList());
        assertEquals(List.of("headline", "body", "body", "lead-image", "standfirst", "body"),
            findings.stream().map(Finding::field).toList());
    }

    @Test
    void warnings_within_one_paragraph_come_in_the_order_of_its_text() {
        List<Finding> findings = body("They chanted דמוקרטיה, then WE WILL NOT GO BACK, then [click here](/x).\n");
        assertEquals(List.of("lang-missing", "capitals", "link-text"), findings.stream().map(Finding::code).toList());
        assertTrue(findings.get(1).message().startsWith("‘WE WILL NOT GO BACK’ is"), findings.get(1).message());
    }

    @Test
    void findings_speak_the_interface_language_in_the_newsroom_and_english_on_the_command_line() {
        Languages.Context previous = Languages.use(new Languages.Context("ar", "en"));
        try {
            List<Finding> findings = body("They chanted زن، زندگی، آزادی in Tehran, and [click here](/x).\n");
            Finding lang = only(findings, "lang-missing");
            assertTrue(lang.message().startsWith("«زن، زندگی، آزادی» مكتوب بخط عربي"), lang.message());
            assertTrue(lang.fix().contains("<span lang=\"fa\">…</span> للغة الفارسية"), lang.fix());
            assertTrue(lang.message("en").startsWith("‘زن، زندگی، آزادی’ is in Arabic script"), lang.message("en"));
            assertTrue(lang.fix("en").contains("<span lang=\"fa\">…</span> for Persian"), lang.fix("en"));
            // The editor's own words keep the article's language inside an Arabic message.
            StringOutput html = new StringOutput();
            only(findings, "link-text").messageHtml().writeTo(html);
            assertTrue(html.toString().contains("«<span lang=\"en\" dir=\"ltr\">click here</span>»"), html.toString());
            String report = CheckReport.text("t", findings);
            assertTrue(report.contains("is in Arabic script") && report.contains("Why it matters: "), report);
        } finally {
            Languages.use(previous);
        }
    }
}
