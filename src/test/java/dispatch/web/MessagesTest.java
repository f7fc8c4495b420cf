package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every interface language is complete: the same keys as English, patterns that parse, quotes
 * written as MessageFormat wants them, and the same spaces at the ends (which joining words
 * such as "and" depend on).
 */
class MessagesTest {

    private static Properties bundle(String language) throws IOException {
        String name = "/i18n/messages" + (language.equals("en") ? "" : "_" + language) + ".properties";
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is missing");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "tr", "fa", "he"})
    void every_language_says_everything_english_says_and_nothing_else(String language) throws IOException {
        Set<String> english = new TreeSet<>(bundle("en").stringPropertyNames());
        Set<String> translated = new TreeSet<>(bundle(language).stringPropertyNames());
        assertEquals(english, translated);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "tr", "fa", "he"})
    void every_pattern_parses_keeps_its_quotes_and_its_spaces(String language) throws IOException {
        Properties english = bundle("en");
        Properties bundle = bundle(language);
        List<String> problems = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            String value = bundle.getProperty(key);
            if (value.replace("''", "").contains("'")) {
                problems.add(key + ": a single quote must be written twice");
            }
            try {
                new MessageFormat(value, Locale.forLanguageTag(language)).format(new Object[] {3, 12, "x"});
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
            }
            String en = english.getProperty(key, "");
            // Hebrew joins "and" to the next word, with a hyphen before Latin letters ("ו-Jane"):
            // a trailing hyphen stands for the trailing space there.
            boolean trailing = value.endsWith(" ") || value.endsWith("-");
            if (en.startsWith(" ") != value.startsWith(" ") || en.endsWith(" ") != trailing) {
                problems.add(key + ": leading or trailing space differs from English");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void the_interface_speaks_the_language_of_the_request() {
        Languages.Context previous = Languages.use(new Languages.Context("ar", "en"));
        try {
            assertTrue(Messages.t("skipLink").chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC),
                Messages.t("skipLink"));
            assertEquals("٢٠٢٦", Format.year(2026), "Arabic digits, never grouped");
            assertEquals("٢٧ نوفمبر ٢٠٢٦", Format.date(java.time.LocalDate.of(2026, 11, 27)));
        } finally {
            Languages.use(previous);
        }
        assertEquals("Skip to main content", Messages.t("skipLink"));
        assertEquals("27 November 2026", Format.date(java.time.LocalDate.of(2026, 11, 27)));
        assertEquals("2026", Format.year(2026));
        assertEquals("Page 3 of 12", Messages.t("pagination.position", 3, 12));
        assertEquals("1 article", Messages.t("archive.count", "2025", 1));
        assertEquals("1,200 articles", Messages.t("archive.count", "2025", 1200));
    }

    @Test
    void names_inside_a_message_carry_their_own_language_and_everything_is_escaped() {
        Languages.Context previous = Languages.use(new Languages.Context("tr", "en"));
        try {
            StringOutput html = new StringOutput();
            Messages.html("writer.articles", Messages.name("Lena <Aydın> & Co")).writeTo(html);
            assertTrue(html.toString().contains("<span lang=\"en\" dir=\"ltr\">Lena &lt;Aydın&gt; &amp; Co</span>"),
                html.toString());
        } finally {
            Languages.use(previous);
        }
        StringOutput english = new StringOutput();
        Messages.html("writer.articles", Messages.name("Lena Aydın")).writeTo(english);
        assertEquals("Articles by Lena Aydın", english.toString(), "no span when the name is in the interface's language");
    }
}
