package dispatch.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.support.TestSite;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The rules the W3C Feed Validation Service applies to RSS 2.0 and Atom 1.0 (its errors and the
 * warnings it raises for interoperability), checked on the XML itself for every kind of feed.
 * The validator is a web service and cannot be reached from the build, so its rules are
 * written down here: required elements, absolute links, RFC 822 and RFC 3339 dates, a self
 * link that names the feed's own address, unique ids, and people named the way each format wants.
 */
class FeedValidityTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private final TestSite site = TestSite.demo();

    private Document parse(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        String body = site.get(path).body();
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())
                    && (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String ns, String name, List<String> problems, String where) {
        List<Element> found = children(parent, ns, name);
        if (found.size() != 1 || found.get(0).getTextContent().isBlank()) {
            problems.add(where + ": needs exactly one non-empty <" + name + ">, has " + found.size());
            return "";
        }
        return found.get(0).getTextContent().strip();
    }

    private static void absolute(String url, List<String> problems, String where) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                problems.add(where + ": not an absolute http(s) address: " + url);
            }
        } catch (Exception e) {
            problems.add(where + ": not a valid address: " + url);
        }
    }

    private static void rfc822(String date, List<String> problems, String where) {
        try {
            ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            problems.add(where + ": not an RFC 822 date with a four-digit year: " + date);
        }
    }

    private static void rfc3339(String date, List<String> problems, String where) {
        try {
            OffsetDateTime.parse(date);
        } catch (DateTimeParseException e) {
            problems.add(where + ": not an RFC 3339 date-time: " + date);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feeds/all.rss", "/feeds/sections/iran.rss", "/feeds/topics/energy.rss",
        "/feeds/authors/maya-levin.rss"})
    void rss_feeds_follow_the_validator_s_rules(String path) throws Exception {
        Element rss = parse(path).getDocumentElement();
        List<String> problems = new ArrayList<>();
        assertEquals("rss", rss.getLocalName());
        assertEquals("2.0", rss.getAttribute("version"));
        Element channel = children(rss, null, "channel").get(0);
        text(channel, null, "title", problems, "channel");
        absolute(text(channel, null, "link", problems, "channel"), problems, "channel link");
        text(channel, null, "description", problems, "channel");
        String language = text(channel, null, "language", problems, "channel");
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]+)*")) {
            problems.add("channel: language is not a language tag: " + language);
        }
        for (String date : List.of("pubDate", "lastBuildDate")) {
            children(channel, null, date).forEach(d -> rfc822(d.getTextContent(), problems, "channel " + date));
        }
        List<Element> self = children(channel, ATOM, "link").stream().filter(l -> l.getAttribute("rel").equals("self")).toList();
        if (self.size() != 1 || !self.get(0).getAttribute("href").equals(site.url(path))
                || !self.get(0).getAttribute("type").equals("application/rss+xml")) {
            problems.add("channel: needs one atom:link rel=self naming the feed's own address and type");
        }
        Set<String> guids = new HashSet<>();
        List<Element> items = children(channel, null, "item");
        if (items.isEmpty()) {
            problems.add("channel: no items");
        }
        for (Element item : items) {
            String where = "item " + guids.size();
            text(item, null, "title", problems, where);
            absolute(text(item, null, "link", problems, where), problems, where + " link");
            text(item, null, "description", problems, where);
            rfc822(text(item, null, "pubDate", problems, where), problems, where + " pubDate");
            List<Element> guid = children(item, null, "guid");
            if (guid.size() != 1) {
                problems.add(where + ": needs one guid");
            } else {
                if (!guid.get(0).getAttribute("isPermaLink").equals("false")) {
                    absolute(guid.get(0).getTextContent(), problems, where + " permalink guid");
                }
                if (!guids.add(guid.get(0).getTextContent())) {
                    problems.add(where + ": guid repeats " + guid.get(0).getTextContent());
                }
            }
            // RSS's own <author> must be an e-mail address; writers without one go in dc:creator.
            children(item, null, "author").forEach(a -> {
                if (!a.getTextContent().contains("@")) {
                    problems.add(where + ": <author> is not an e-mail address: " + a.getTextContent());
                }
            });
            if (children(item, DC, "creator").isEmpty() && children(item, null, "author").isEmpty()) {
                problems.add(where + ": names no writer");
            }
        }
        assertEquals(List.of(), problems, path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feeds/all.atom", "/feeds/sections/iran.atom", "/feeds/topics/energy.atom",
        "/feeds/authors/maya-levin.atom"})
    void atom_feeds_follow_the_validator_s_rules(String path) throws Exception {
        Element feed = parse(path).getDocumentElement();
        List<String> problems = new ArrayList<>();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        absolute(text(feed, ATOM, "id", problems, "feed"), problems, "feed id");
        text(feed, ATOM, "title", problems, "feed");
        rfc3339(text(feed, ATOM, "updated", problems, "feed"), problems, "feed updated");
        List<Element> links = children(feed, ATOM, "link");
        if (links.stream().noneMatch(l -> l.getAttribute("rel").equals("self") && l.getAttribute("href").equals(site.url(path)))) {
            problems.add("feed: needs a link rel=self naming the feed's own address");
        }
        boolean feedAuthor = !children(feed, ATOM, "author").isEmpty();
        Set<String> ids = new HashSet<>();
        List<Element> entries = children(feed, ATOM, "entry");
        if (entries.isEmpty()) {
            problems.add("feed: no entries");
        }
        for (Element entry : entries) {
            String where = "entry " + ids.size();
            String id = text(entry, ATOM, "id", problems, where);
            absolute(id, problems, where + " id");
            if (!ids.add(id)) {
                problems.add(where + ": id repeats " + id);
            }
            text(entry, ATOM, "title", problems, where);
            rfc3339(text(entry, ATOM, "updated", problems, where), problems, where + " updated");
            children(entry, ATOM, "published").forEach(p -> rfc3339(p.getTextContent(), problems, where + " published"));
            List<Element> alternate = children(entry, ATOM, "link").stream()
                .filter(l -> l.getAttribute("rel").isEmpty() || l.getAttribute("rel").equals("alternate")).toList();
            if (alternate.isEmpty() && children(entry, ATOM, "content").isEmpty()) {
                problems.add(where + ": needs an alternate link or content");
            }
            alternate.forEach(l -> absolute(l.getAttribute("href"), problems, where + " link"));
            if (children(entry, ATOM, "summary").isEmpty() && children(entry, ATOM, "content").isEmpty()) {
                problems.add(where + ": needs a summary");
            }
            List<Element> authors = children(entry, ATOM, "author");
            if (!feedAuthor && authors.isEmpty()) {
                problems.add(where + ": no author, and the feed names none");
            }
            for (Element author : authors) {
                text(author, ATOM, "name", problems, where + " author");
                children(author, ATOM, "uri").forEach(u -> absolute(u.getTextContent(), problems, where + " author uri"));
            }
        }
        assertEquals(List.of(), problems, path);
    }
}
