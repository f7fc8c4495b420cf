package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No template writes interface words of its own: everything a reader or an editor reads comes
 * from the bundles through {@code t(...)}, so that it exists in every interface language. What
 * is left once the template's code, expressions and tags are taken out must not read as words,
 * and neither may the labels it gives components or the text of attributes that assistive
 * technology announces. The audit report's own templates are English by design, and the feeds
 * are XML, so they are left out.
 */
class TemplateWordsTest {
    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final List<String> LEFT_OUT = List.of("audit/", "feed/");

    /** Two words of two letters or more in a row: prose, not a symbol or a code. */
    private static final Pattern WORDS = Pattern.compile("\\b[A-Za-z][a-z]+\\s+[a-z]{2,}\\b");
    /** A component's text parameter, or an announced attribute, given as a literal. */
    private static final Pattern LITERAL_TEXT = Pattern.compile(
        "(?:\\b(?:label|legend|hint|message|heading|aria-label|aria-roledescription|title|alt|placeholder)\\s*=\\s*)\"([^\"$]*[A-Za-z]{2,}[^\"]*)\"");

    @Test
    void templates_take_every_word_from_the_bundles() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).sorted().toList()) {
                String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
                if (LEFT_OUT.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                String source = Files.readString(file).replaceAll("(?s)<%--.*?--%>", "");
                Matcher literal = LITERAL_TEXT.matcher(source);
                while (literal.find()) {
                    problems.add(name + ": \"" + literal.group(1) + "\"");
                }
                for (String line : source.split("\n")) {
                    String text = prose(line);
                    Matcher words = WORDS.matcher(text);
                    if (words.find()) {
                        problems.add(name + ": " + text.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A template line without its directives, expressions, tags and entities: what it prints as it is. */
    private static String prose(String line) {
        if (line.startsWith("@") || line.startsWith("!{")) {
            return "";
        }
        String text = line;
        // Expressions, innermost first, so that ${t("a", x.y())} goes as a whole.
        String before;
        do {
            before = text;
            text = text.replaceAll("\\$(?:unsafe)?\\{[^{}]*}", " ");
        } while (!text.equals(before));
        text = text.replaceAll("@(?:if|elseif|for)\\((?:[^()]|\\([^()]*(?:\\([^()]*\\))*[^()]*\\))*\\)", " ")
            .replaceAll("@(?:else|endif|endfor)\\b", " ")
            .replaceAll("<style>.*?</style>", " ")
            .replaceAll("<[^>]*>", " ")
            .replaceAll("&[a-z]+;", " ");
        return text;
    }
}
