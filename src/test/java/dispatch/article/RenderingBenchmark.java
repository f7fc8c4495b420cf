package dispatch.article;

import dispatch.db.Database;
import dispatch.demo.DemoPublication;
import dispatch.image.Image;
import dispatch.image.ImageDao;
import dispatch.section.SectionDao;
import dispatch.web.Layout.Crumb;
import dispatch.web.Site;
import dispatch.web.StyleBundle;
import dispatch.web.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks for the two costly steps of serving an article: rendering the article page's
 * template (what the page cache saves on a hit), and rendering an article's Markdown body
 * (done when an article is saved). Both use the longest demo article, with its figures and
 * tables. Run with {@code make bench-jmh}; not a test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderingBenchmark {
    static final String SLUG = "west-bank-oslo-areas-explained";

    private Templates templates;
    private ArticlePage page;
    private BodyRenderer bodies;
    private String markdown;

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("dispatch-jmh");
        Database db = Database.open(dir);
        new DemoPublication(db, dir).loadIfEmpty();
        Site site = new Site("Meridian East", () -> "http://127.0.0.1:8080", db.dao(SectionDao.class),
            StyleBundle.load().url());
        Articles articles = new Articles(db, Clock.systemUTC());
        Article article = articles.published(SLUG).orElseThrow();
        var layout = site.layout(article.headline(), article.standfirst(), article.url())
            .inSection(article.section().slug())
            .withCrumbs(new Crumb("Home", "/"), new Crumb(article.section().name(), article.section().url()));
        // A reader within the meter, with two free articles left: what most readers are sent.
        var reading = new ArticlePage.Reading(new dispatch.membership.Access.Decision(true,
            dispatch.membership.Access.Reason.FREE, 2, 3, false), "$100 a year", 5);
        page = new ArticlePage(layout, article, dispatch.membership.Paywall.body(article.bodyHtml(), true).html(), reading,
            articles.related(article, 3), StructuredData.meta(article, site, true), articles.translations(article), null);
        templates = new Templates();

        // Images looked up in memory, so that the figure measures Markdown, not the database.
        Map<String, Image> images = db.dao(ImageDao.class).all().stream()
            .collect(Collectors.toMap(Image::name, Function.identity()));
        bodies = new BodyRenderer(name -> Optional.ofNullable(images.get(name)));
        try (InputStream in = RenderingBenchmark.class.getResourceAsStream("/demo/articles/" + SLUG + ".md")) {
            String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            markdown = file.substring(file.indexOf("\n---", 3) + 4);  // the body, after the front matter
        }
    }

    @Benchmark
    public String articleTemplate() {
        return templates.render("article/article.jte", page);
    }

    @Benchmark
    public BodyRenderer.Rendered markdownBody() {
        return bodies.render(markdown);
    }
}
