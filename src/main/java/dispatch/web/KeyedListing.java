package dispatch.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page of a list of articles ordered by publication (section, topic, writer and archive
 * pages), paged by key rather than by offset: a page link carries the publication time and id
 * of the article it continues from ({@code ?before=2025-03-01T09:30:00Z-1234} for older ones,
 * {@code ?after=...} for newer ones), and the page is read with an index range from there, so
 * the thousandth page of a twenty-year archive costs what the first costs. {@code ?page=last}
 * is the far end of the list.
 *
 * <p>The {@code ?page=N} links of earlier versions keep working: {@code ?page=1} redirects
 * (301) to the list itself, and {@code ?page=N} (302, since what page N holds moves as articles
 * are published) to the keyed page that holds today what page N held.
 *
 * @param total how many articles the whole list holds
 * @param path  this page's own address (its canonical URL)
 * @param first whether this is the list's first page, which needs no position in its title
 * @param from  when the page's first article was published; {@code to}, its last
 */
public record KeyedListing<T>(List<T> items, Links links, int total, String path, boolean first, Instant from, Instant to) {
    public static final int PAGE_SIZE = Pagination.PAGE_SIZE;

    /** A place in the list: an article's publication time (whole seconds, as stored) and id. */
    public record Key(Instant at, long id) {
        private static final Pattern FORM = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z)-(\\d{1,18})");
        /** Beyond every article at either end, to read a list from its start or its end. */
        public static final Key LATEST = new Key(Instant.parse("9999-12-31T23:59:59Z"), Long.MAX_VALUE);
        public static final Key EARLIEST = new Key(Instant.parse("0000-01-01T00:00:00Z"), 0);

        /** The key in a link's text; empty when it is not one (a client's mistake: 400). */
        public static Optional<Key> parse(String text) {
            Matcher m = FORM.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Key(Instant.parse(m.group(1)), Long.parseLong(m.group(2))));
            } catch (DateTimeParseException e) {
                return Optional.empty();  // the right shape, but no such time (a 13th month, say)
            }
        }

        @Override
        public String toString() {
            return at + "-" + id;
        }
    }

    /**
     * Reads a window of the list: up to {@code limit} articles past {@code bound}, after skipping
     * {@code skip} (0 but for the old numbered links). Older ones newest first when
     * {@code older}, else newer ones oldest first.
     */
    @FunctionalInterface
    public interface Window<T> {
        List<T> fetch(Key bound, boolean older, int limit, int skip);
    }

    /** The links to the other pages; null where there is none (on the first page, no first). */
    public record Links(String first, String previous, String next, String last) {
        public boolean needed() {
            return previous != null || next != null;
        }
    }

    /** What the request asks for: a page to show, a redirect, or a 400 or 404. */
    public sealed interface Outcome<T> {}

    public record Found<T>(KeyedListing<T> listing) implements Outcome<T> {}

    public record Moved<T>(String location, boolean permanent) implements Outcome<T> {}

    public record Refused<T>(int status) implements Outcome<T> {}

    /**
     * The page the request asks for.
     *
     * @param newestFirst the list's reading order: newest first (sections...) or oldest first (a month)
     * @param key         an item's key
     */
    public static <T> Outcome<T> of(HttpServletRequest request, String path, boolean newestFirst, Window<T> window,
                                    Function<T, Key> key, java.util.function.IntSupplier count) {
        String before = request.getParameter("before");
        String after = request.getParameter("after");
        String page = request.getParameter("page");
        int given = (before == null ? 0 : 1) + (after == null ? 0 : 1) + (page == null ? 0 : 1);
        if (given > 1) {
            return new Refused<>(400);
        }
        if (page != null) {
            return numbered(page, path, newestFirst, window, key, count);
        }
        boolean older;
        Key bound;
        String self;
        if (before != null || after != null) {
            Optional<Key> parsed = Key.parse(before != null ? before : after);
            if (parsed.isEmpty()) {
                return new Refused<>(400);
            }
            older = before != null;
            bound = parsed.get();
            self = path + (older ? "?before=" : "?after=") + encode(bound.toString());
        } else {
            older = newestFirst;
            bound = newestFirst ? Key.LATEST : Key.EARLIEST;
            self = path;
        }
        List<T> fetched = window.fetch(bound, older, PAGE_SIZE + 1, 0);
        if (fetched.isEmpty() && (before != null || after != null)) {
            return new Refused<>(404);
        }
        boolean moreThisWay = fetched.size() > PAGE_SIZE;
        List<T> items = new ArrayList<>(fetched.subList(0, Math.min(PAGE_SIZE, fetched.size())));
        boolean moreOtherWay = (before != null || after != null)
            && !window.fetch(key.apply(items.get(0)), !older, 1, 0).isEmpty();
        if (older != newestFirst) {
            Collections.reverse(items);  // read against the list's order: shown in its order
        }
        boolean forward = older == newestFirst;
        boolean hasNext = forward ? moreThisWay : moreOtherWay;
        boolean hasPrevious = forward ? moreOtherWay : moreThisWay;
        return new Found<>(listing(items, key, links(path, newestFirst, items, key, hasPrevious, hasNext),
            count.getAsInt(), self, self.equals(path)));
    }

    private static <T> Outcome<T> numbered(String page, String path, boolean newestFirst, Window<T> window,
                                           Function<T, Key> key, java.util.function.IntSupplier count) {
        if (page.equals("last")) {
            List<T> items = new ArrayList<>(window.fetch(newestFirst ? Key.EARLIEST : Key.LATEST, !newestFirst,
                PAGE_SIZE + 1, 0));
            boolean hasPrevious = items.size() > PAGE_SIZE;
            items = new ArrayList<>(items.subList(0, Math.min(PAGE_SIZE, items.size())));
            Collections.reverse(items);
            if (!hasPrevious) {
                return new Moved<>(path, true);  // one page only: the list itself
            }
            return new Found<>(listing(items, key, links(path, newestFirst, items, key, true, false),
                count.getAsInt(), path + "?page=last", false));
        }
        Optional<Integer> number = Pagination.requested(page);
        if (number.isEmpty()) {
            return new Refused<>(404);
        }
        if (number.get() == 1) {
            return new Moved<>(path, true);
        }
        // The last article of page N-1, and the first of page N, which must exist.
        List<T> previous = window.fetch(newestFirst ? Key.LATEST : Key.EARLIEST, newestFirst, 2,
            (number.get() - 1) * PAGE_SIZE - 1);
        if (previous.size() < 2) {
            return new Refused<>(404);
        }
        return new Moved<>(path + (newestFirst ? "?before=" : "?after=") + encode(key.apply(previous.get(0)).toString()),
            false);
    }

    private static <T> Links links(String path, boolean newestFirst, List<T> items, Function<T, Key> key,
                                   boolean hasPrevious, boolean hasNext) {
        String towardsStart = newestFirst ? "?after=" : "?before=";
        String towardsEnd = newestFirst ? "?before=" : "?after=";
        return new Links(
            hasPrevious ? path : null,
            hasPrevious ? path + towardsStart + encode(key.apply(items.get(0)).toString()) : null,
            hasNext ? path + towardsEnd + encode(key.apply(items.get(items.size() - 1)).toString()) : null,
            hasNext ? path + "?page=last" : null);
    }

    private static <T> KeyedListing<T> listing(List<T> items, Function<T, Key> key, Links links, int total, String path,
                                          boolean first) {
        Instant from = items.isEmpty() ? null : key.apply(items.get(0)).at();
        Instant to = items.isEmpty() ? null : key.apply(items.get(items.size() - 1)).at();
        return new KeyedListing<>(items, links, total, path, first, from, to);
    }

    /** A key as a link carries it: its characters (digits, "-", ":", "T", "Z") need no escaping in a query. */
    private static String encode(String key) {
        return key;
    }

    /** Added to the page's title past the first page: " (from 3 March 2019 to 12 April 2019)". */
    public String titleSuffix() {
        return first || items.isEmpty() ? "" : Messages.t("pagination.spanSuffix", Format.date(from), Format.date(to));
    }

    /** Where this page is in the list, in words, for the text above it. */
    public String position() {
        return Messages.t("pagination.span", Format.date(from), Format.date(to), Format.number(total));
    }
}
