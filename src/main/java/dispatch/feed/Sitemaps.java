package dispatch.feed;

import dispatch.db.Database;
import dispatch.web.Templates;
import dispatch.web.XmlChars;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sitemaps, as the sitemaps.org protocol allows them at any size: /sitemap.xml is an index
 * of the files, /sitemaps/pages.xml lists the front page and every list and standing page, and
 * /sitemaps/articles-N.xml the articles, at most {@code perFile} to a file (the protocol's limit
 * is 50,000 addresses and 50 MB; at about 150 bytes an address, 50,000 stay near 8 MB). The news
 * sitemap holds the articles of the last two days, at most 1,000, as Google News asks.
 */
public final class Sitemaps {
    public static final int PER_FILE = 50_000;
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    static final int NEWS_LIMIT = 1_000;
    private static final Pattern ARTICLES = Pattern.compile("articles-([1-9][0-9]{0,8})\\.xml");

    private final Database db;
    private final Templates templates;
    private final Clock clock;
    private final String publication;
    private final int perFile;

    /** The index's data: the absolute address of each file and its latest change. */
    public record Index(List<SitemapDao.Entry> files, String base) {}

    /** A sitemap file's data: absolute addresses and last changes. */
    public record Sitemap(List<SitemapDao.Entry> entries, String base) {}

    /** The news sitemap's data. */
    public record NewsSitemap(List<SitemapDao.NewsEntry> entries, String base, String publication) {}

    /**
     * @param perFile the most articles one file lists
     */
    public Sitemaps(Database db, Templates templates, Clock clock, String publication, int perFile) {
        if (perFile < 1 || perFile > PER_FILE) {
            throw new IllegalArgumentException("a sitemap lists 1 to " + PER_FILE + " addresses, not " + perFile);
        }
        this.db = db;
        this.templates = templates;
        this.clock = clock;
        this.publication = publication;
        this.perFile = perFile;
    }

    private SitemapDao dao() {
        return db.dao(SitemapDao.class);
    }

    /*
     * Each takes the site's absolute address without the trailing slash (Site.absolute("")),
     * known only once the server listens.
     */

    /** The sitemap index: the pages file, then one file per block of article ids that holds live articles. */
    public String index(String base) {
        Instant now = clock.instant();
        List<SitemapDao.Entry> files = new ArrayList<>();
        files.add(new SitemapDao.Entry("/sitemaps/pages.xml", dao().latest(now).orElse(null)));
        for (SitemapDao.File file : dao().files(now, perFile)) {
            files.add(new SitemapDao.Entry("/sitemaps/articles-" + (file.number() + 1) + ".xml", file.lastModified()));
        }
        return xml(templates.render("feed/sitemap-index.jte", new Index(files, base)));
    }

    /** A file named in the index ("pages.xml", "articles-3.xml"); empty when there is no such file. */
    public Optional<String> file(String name, String base) {
        Instant now = clock.instant();
        if (name.equals("pages.xml")) {
            List<SitemapDao.Entry> entries = new ArrayList<>();
            entries.add(new SitemapDao.Entry("/", dao().latest(now).orElse(null)));
            entries.add(new SitemapDao.Entry("/sections", null));
            entries.addAll(dao().sections(now));
            entries.add(new SitemapDao.Entry("/topics", null));
            entries.addAll(dao().topics());
            entries.add(new SitemapDao.Entry("/authors", null));
            entries.addAll(dao().authors());
            entries.add(new SitemapDao.Entry("/archive", null));
            entries.addAll(dao().pages());
            return Optional.of(xml(templates.render("feed/sitemap.jte", new Sitemap(entries, base))));
        }
        Matcher m = ARTICLES.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        long first = (Long.parseLong(m.group(1)) - 1) * perFile + 1;
        List<SitemapDao.Entry> entries = dao().articles(first, first + perFile, now);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(xml(templates.render("feed/sitemap.jte", new Sitemap(entries, base))));
    }

    /** The articles of the last two days, newest first, at most 1,000. */
    public String news(String base) {
        Instant now = clock.instant();
        return xml(templates.render("feed/news-sitemap.jte",
            new NewsSitemap(dao().news(now, now.minus(NEWS_WINDOW), NEWS_LIMIT), base, publication)));
    }

    /**
     * The XML declaration must be the document's very first characters. jte escapes markup but
     * passes every character through, and a character XML 1.0 forbids (a U+0001 in a headline
     * stored by any road) would make the whole sitemap unreadable: it is left out.
     */
    private static String xml(String body) {
        return XmlChars.strip(body.strip());
    }
}
