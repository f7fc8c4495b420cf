package dispatch.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The newsroom's checks of what a text says, on a rendered page, as the audit runs them. */
class RenderedPageChecksTest {

    private static List<String> kinds(String lang, String body) {
        return RenderedPageChecks.check(Jsoup.parse("<!DOCTYPE html><html lang=\"" + lang + "\"><head><title>T</title></head><body>"
            + body + "</body></html>")).stream().map(f -> f.kind() + " " + f.element()).toList();
    }

    @Test
    void a_page_written_with_care_gives_nothing() {
        assertEquals(List.of(), kinds("en", """
            <header><a href="/">Meridian East</a> <abbr title="United Nations">UN</abbr> and NATO</header>
            <main><h1>Water in Iran</h1>
            <p>Read <a href="/reports/water">our report on the lake's water level</a>.</p>
            <p>The sign read <span lang="fa">دریاچه ارومیه</span>, and the BBC and the IAEA said so too.</p>
            <figure><img src="/images/lake.jpg" alt="A dry salt flat where the lake was"><figcaption>Lake Urmia in 2024. Photo: Our reporter</figcaption></figure>
            <a href="/more"><span class="visually-hidden">More about </span>water</a>
            <img src="/images/divider.png" alt="">
            </main>"""));
    }

    @Test
    void finds_vague_links_file_names_capitals_and_unmarked_scripts_and_leaves_empty_links_to_axe() {
        assertEquals(List.of("linkVague body > p:nth-child(1) > a:nth-child(1)", "capitals body > p:nth-child(2)", "langMissing body > p:nth-child(3)",
            "altFileName body > img", "altCaption body > figure > img"), kinds("en", """
            <p>The report is <a href="/r">here</a>. <a href="/x"></a></p>
            <p>THE WATER LEVEL HAS FALLEN AGAIN THIS YEAR.</p>
            <p>The sign read بحيرة أورمية in large letters.</p>
            <img src="/i/IMG_2041.jpg" alt="IMG_2041.jpg">
            <figure><img src="/i/lake.jpg" alt="Lake Urmia at dusk"><figcaption>Lake Urmia at dusk.</figcaption></figure>"""));
    }

    @Test
    void text_in_the_pages_own_script_is_not_foreign() {
        assertEquals(List.of(), kinds("ar", "<p>بحيرة أورمية تجف عاماً بعد عام، كما قال التقرير.</p>"));
        assertEquals(List.of("langMissing body > p"), kinds("en-GB", "<p>The sign read بحيرة أورمية in large letters.</p>"));
    }
}
