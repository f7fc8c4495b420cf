package dispatch.feed;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dispatch.article.ArticleDao;
import dispatch.article.ArticleSummary;
import dispatch.author.Author;
import dispatch.author.AuthorDao;
import dispatch.section.SectionDao;
import dispatch.topic.TopicDao;
import dispatch.web.KeyedListing;
import dispatch.web.Routes;
import dispatch.web.XmlChars;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jdom2.Element;
import org.jdom2.Namespace;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSS 2.0 and Atom feeds (written by ROME) for the whole site and for every section, topic and
 * writer: /feeds/all.rss, /feeds/sections/SLUG.atom and so on. Each item gives the headline,
 * the standfirst and the link, never the body, so members-only text stays gated in feeds too.
 * Every text goes in through {@link XmlChars}, so no stored character can make a feed invalid XML.
 */
public final class FeedServlet extends HttpServlet {
    static final int ITEMS = 20;
    private static final Pattern PATH = Pattern.compile("/(?:(sections|topics|authors)/)?([a-z0-9]+(?:-[a-z0-9]+)*)\\.(rss|atom)");
    private final Routes.Services s;

    public FeedServlet(Routes.Services services) {
        this.s = services;
    }

    /** A feed's subject: its title, the page it follows, and its latest articles. */
    record Subject(String title, String description, String page, List<ArticleSummary> articles) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = request.getPathInfo() == null ? null : PATH.matcher(request.getPathInfo());
        Optional<Subject> subject = m != null && m.matches() ? subject(m.group(1), m.group(2)) : Optional.empty();
        if (subject.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean atom = m.group(3).equals("atom");
        String self = s.site().absolute(request.getRequestURI());
        String xml;
        try {
            xml = new SyndFeedOutput().outputString(feed(subject.get(), atom, self));
        } catch (FeedException e) {
            throw new IllegalStateException("the feed could not be written", e);
        }
        response.setContentType((atom ? "application/atom+xml" : "application/rss+xml") + ";charset=utf-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.getWriter().write(xml);
    }

    private Optional<Subject> subject(String kind, String slug) {
        Instant now = s.clock().instant();
        ArticleDao articles = s.database().dao(ArticleDao.class);
        String site = s.site().name();
        if (kind == null) {
            return slug.equals("all") ? Optional.of(new Subject(site, "The latest news and analysis from " + site + ".",
                "/", articles.latest(now, ITEMS))) : Optional.empty();
        }
        return switch (kind) {
            case "sections" -> s.database().dao(SectionDao.class).findBySlug(slug).map(x -> new Subject(
                site + ": " + x.name(), x.description(), x.url(), articles.inSection(x.id(), now, KeyedListing.Key.LATEST, true, ITEMS, 0)));
            case "topics" -> s.database().dao(TopicDao.class).findBySlug(slug).map(x -> new Subject(
                site + ": " + x.name(), x.description(), x.url(), articles.inTopic(x.id(), now, KeyedListing.Key.LATEST, true, ITEMS, 0)));
            default -> s.database().dao(AuthorDao.class).findBySlug(slug).map(x -> new Subject(
                site + ": " + x.name(), x.role() + ". " + x.bio(), x.url(), articles.byAuthor(x.id(), now, KeyedListing.Key.LATEST, true, ITEMS, 0)));
        };
    }

    private SyndFeed feed(Subject subject, boolean atom, String self) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(atom ? "atom_1.0" : "rss_2.0");
        feed.setTitle(text(subject.title()));
        feed.setDescription(text(subject.description()));
        feed.setLink(text(s.site().absolute(subject.page())));
        feed.setUri(self);
        feed.setLanguage(s.config().language());  // the language of the feed's own title and description
        SyndLinkImpl selfLink = new SyndLinkImpl();
        selfLink.setRel("self");
        selfLink.setHref(self);
        selfLink.setType(atom ? "application/atom+xml" : "application/rss+xml");
        SyndLinkImpl alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(text(s.site().absolute(subject.page())));
        alternate.setType("text/html");
        feed.setLinks(List.of(alternate, selfLink));
        if (!atom) {
            // RSS has no self link of its own; feed validators ask for Atom's, which RSS may carry.
            Namespace atomNs = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
            Element link = new Element("link", atomNs).setAttribute("href", self).setAttribute("rel", "self")
                .setAttribute("type", "application/rss+xml");
            feed.setForeignMarkup(List.of(link));
        }
        Instant updated = subject.articles().stream().map(ArticleSummary::publishedAt).max(Instant::compareTo)
            .orElse(s.clock().instant());
        feed.setPublishedDate(Date.from(updated));
        AuthorDao authors = s.database().dao(AuthorDao.class);
        feed.setEntries(subject.articles().stream().map(a -> entry(a, authors.ofArticle(a.id()))).toList());
        return feed;
    }

    private SyndEntry entry(ArticleSummary article, List<Author> writers) {
        SyndEntry entry = new SyndEntryImpl();
        String url = text(s.site().absolute(article.url()));
        entry.setTitle(text(article.headline()));
        entry.setLink(url);
        entry.setUri(url);
        entry.setPublishedDate(Date.from(article.publishedAt()));
        entry.setUpdatedDate(Date.from(article.publishedAt()));
        SyndContentImpl description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(text(article.standfirst()) + (article.membersOnly() ? " (For members.)" : ""));
        entry.setDescription(description);
        SyndCategoryImpl category = new SyndCategoryImpl();
        category.setName(text(article.sectionName()));
        entry.setCategories(List.of(category));
        // RSS carries writers as dc:creator, from the plain author; Atom as person elements.
        entry.setAuthor(text(String.join(", ", writers.stream().map(Author::name).toList())));
        entry.setAuthors(writers.stream().map(w -> {
            SyndPersonImpl person = new SyndPersonImpl();
            person.setName(text(w.name()));
            person.setUri(text(s.site().absolute(w.url())));
            return (com.rometools.rome.feed.synd.SyndPerson) person;
        }).toList());
        return entry;
    }

    /**
     * Text as XML allows it. Forms never store characters XML 1.0 forbids, but text that reached
     * the database another way must not make ROME refuse the whole feed (a 500 for every reader
     * of every feed listing the article): the characters are left out of the feed instead.
     */
    private static String text(String value) {
        return XmlChars.strip(value);
    }
}
