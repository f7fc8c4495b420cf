package dispatch.check;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dispatch.image.Image;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The demo publication is what people judge the newsroom by, so every demo article must pass the
 * publishing checks. Warnings are printed for a person to review; they do not fail the build.
 */
class DemoArticlesCheckTest {
    private static final Path DEMO = Path.of("src/main/resources/demo");
    // Only the fields the checks need; the loader in dispatch.demo is the one that insists on every field.
    private static final YAMLMapper YAML = YAMLMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record ImageEntry(String id, String file, String alt, boolean decorative, String caption, String credit) {}

    record Front(String headline, String standfirst, String language, String image) {}

    @TestFactory
    Stream<DynamicTest> no_demo_article_has_an_error() throws IOException {
        Map<String, Image> library = images();
        Function<String, Optional<Image>> images = name -> Optional.ofNullable(library.get(name));
        ArticleChecks checks = new ArticleChecks(images);
        List<Path> articles;
        try (Stream<Path> files = Files.list(DEMO.resolve("articles"))) {
            articles = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        return articles.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            List<Finding> findings = checks.check(draft(path, library));
            String report = CheckReport.text(path.getFileName().toString(), findings);
            if (!findings.isEmpty()) {
                System.out.println(report);
            }
            assertFalse(ArticleChecks.blocksPublishing(findings), report);
        }));
    }

    private static Map<String, Image> images() throws IOException {
        List<ImageEntry> entries = YAML.readValue(DEMO.resolve("images.yaml").toFile(), new TypeReference<>() {});
        long[] id = {0};
        // As the demo loader stores them: a decorative image keeps no alt text.
        return entries.stream().collect(Collectors.toMap(ImageEntry::id, e -> new Image(++id[0], e.id(), e.file(),
            "image/png", 0, 0, e.decorative() ? null : e.alt(), e.decorative(), e.caption(), e.credit(), List.of())));
    }

    /** Splits the front matter (between the first two "---" lines) from the Markdown body. */
    private static ArticleDraft draft(Path path, Map<String, Image> library) throws IOException {
        String all = Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int end = all.indexOf("\n---\n", 4);
        if (!all.startsWith("---\n") || end < 0) {
            throw new IllegalStateException(path + " has no front matter between --- lines");
        }
        Front front = YAML.readValue(all.substring(4, end), Front.class);
        Image lead = front.image() == null ? null : library.get(front.image());
        if (front.image() != null && lead == null) {
            throw new IllegalStateException(path + " names an unknown lead image: " + front.image());
        }
        return new ArticleDraft(front.headline(), front.standfirst(),
            front.language() == null ? "en" : front.language(), all.substring(end + 5), lead);
    }
}
