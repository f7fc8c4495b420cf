package dispatch.archive;

import static dispatch.web.Messages.t;

import dispatch.article.ArticleListServlet;
import dispatch.article.ArticleSummary;
import dispatch.web.Format;
import dispatch.web.Layout;
import dispatch.web.Layout.Crumb;
import dispatch.web.KeyedListing;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The archive: /archive (years), /archive/2025 (its months), /archive/2025/03 (that month's articles). */
public final class ArchiveServlet extends HttpServlet {
    private static final Pattern PATH = Pattern.compile("(?:/(\\d{4})(?:/(\\d{2}))?)?/?");
    private final Routes.Services s;

    public ArchiveServlet(Routes.Services services) {
        this.s = services;
    }

    /** A list of years or months, each with its number of articles. */
    public record PeriodsPage(Layout layout, String intro, List<Period> periods) {}

    /** One period as a link: its label ("2025", "March 2025"), address and article count. */
    public record Period(String label, String url, int articles) {}

    /** One month's articles. */
    public record MonthPage(Layout layout, String month, KeyedListing<ArticleSummary> articles) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        ArchiveDao dao = s.database().dao(ArchiveDao.class);
        Instant now = s.clock().instant();
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String year = m.group(1);
        String month = m.group(2);
        if (year == null) {
            List<Period> years = dao.years(now).stream()
                .map(p -> new Period(Format.year(Integer.parseInt(p.period())), "/archive/" + p.period(), p.articles())).toList();
            s.templates().send(response, "archive/periods.jte", new PeriodsPage(
                s.site().layout(t("archive.title"), t("archive.intro"), "/archive").withCrumbs(Layout.home()),
                t("archive.intro"), years));
            return;
        }
        String yearLabel = Format.year(Integer.parseInt(year));
        if (month == null) {
            List<Period> months = dao.months(year, now).stream().map(p -> new Period(
                Format.month(YearMonth.parse(p.period())), "/archive/" + p.period().replace('-', '/'), p.articles())).toList();
            if (months.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            s.templates().send(response, "archive/periods.jte", new PeriodsPage(
                s.site().layout(t("archive.yearTitle", yearLabel), t("archive.yearDescription", yearLabel), "/archive/" + year)
                    .withCrumbs(Layout.home(), new Crumb(t("crumb.archive"), "/archive")),
                t("archive.yearIntro", yearLabel), months));
            return;
        }
        String key = year + "-" + month;
        String path = "/archive/" + year + "/" + month;
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(key);
        } catch (DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);  // /archive/2025/13
            return;
        }
        Instant start = yearMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = yearMonth.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = end.isBefore(now.plusSeconds(1)) ? end : now.plusSeconds(1);
        var outcome = KeyedListing.of(request, path, false,
            (bound, older, limit, skip) -> dao.inMonth(start, end, now, bound, older, limit, skip),
            ArticleListServlet::key, () -> dao.countBetween(start, until));
        if (outcome instanceof KeyedListing.Found<ArticleSummary> found && found.listing().items().isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var listing = ArticleListServlet.answered(outcome, response);
        if (listing.isEmpty()) {
            return;
        }
        String label = Format.month(YearMonth.parse(key));
        s.templates().send(response, "archive/month.jte", new MonthPage(
            s.site().layout(t("archive.yearTitle", label) + listing.get().titleSuffix(),
                    t("archive.yearDescription", label), listing.get().path())
                .withCrumbs(Layout.home(), new Crumb(t("crumb.archive"), "/archive"),
                    new Crumb(Format.year(Integer.parseInt(year)), "/archive/" + year)),
            label, listing.get()));
    }
}
