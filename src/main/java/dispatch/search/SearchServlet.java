package dispatch.search;

import static dispatch.web.Messages.t;

import dispatch.account.ReaderFilter;
import dispatch.article.Kind;
import dispatch.author.AuthorDao;
import dispatch.membership.Access;
import dispatch.section.SectionDao;
import dispatch.web.Form;
import dispatch.web.Layout;
import dispatch.web.Option;
import dispatch.web.PageCache;
import dispatch.web.Pagination;
import dispatch.web.Routes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * /search?q=...: full-text search with filters. Whatever is typed gets results or a plain
 * message: bad dates and overlong queries are form errors, and the engine never sees raw input
 * (see {@link MatchExpression}).
 */
public final class SearchServlet extends HttpServlet {
    private final Routes.Services s;
    private final Search search;
    private final Access access;

    public SearchServlet(Routes.Services services, Search search, Access access) {
        this.s = services;
        this.search = search;
        this.access = access;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Form form = Form.from(request);
        SearchQuery query = SearchQuery.read(form);
        Optional<Integer> page = Pagination.requested(request.getParameter("page"));
        if (page.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<SearchResult> hits = List.of();
        int total = 0;
        Pagination pagination = Pagination.of(path(query), 1, 0);
        if (!query.isEmpty() && !form.hasErrors()) {
            // Members and staff search members-only text too; nobody else does (Access decides,
            // as for the article page). Their results are theirs alone: never kept or shared.
            boolean entitled = access.entitled(ReaderFilter.current().orElse(null));
            if (entitled) {
                response.setHeader("Cache-Control", "private, no-store");
            }
            Search.Results results = search.find(query, entitled, s.clock().instant(), Pagination.PAGE_SIZE,
                (page.get() - 1) * Pagination.PAGE_SIZE);
            total = results.total();
            pagination = Pagination.of(path(query), page.get(), total);
            if (total > 0 && !pagination.exists()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            hits = results.hits();
        }
        String title = title(query, form, total, pagination);
        Layout layout = s.site().layout(title, t("search.description", s.site().name()), "/search")
            .withCrumbs(Layout.home());
        s.templates().send(response, "search/search.jte",
            new SearchPage(layout, form, query, hits, total, pagination, filters()));
    }

    private static String title(SearchQuery query, Form form, int total, Pagination pagination) {
        if (form.hasErrors()) {
            return t("form.errorPrefix") + t("search.title");
        }
        if (query.isEmpty()) {
            return t("search.title");
        }
        return t("search.titleResults", total, query.text()) + pagination.titleSuffix();
    }

    /** The search's own address without the page number, for pagination links. */
    private static String path(SearchQuery q) {
        List<String> params = new ArrayList<>();
        add(params, "q", q.text());
        add(params, "section", q.section());
        add(params, "kind", q.kind());
        add(params, "author", q.author());
        add(params, "from", q.from() == null ? "" : q.from().toString());
        add(params, "to", q.to() == null ? "" : q.to().toString());
        return "/search?" + String.join("&", params);
    }

    private static void add(List<String> params, String name, String value) {
        if (!value.isEmpty()) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private SearchPage.Filters filters() {
        List<Option> sections = new ArrayList<>(List.of(new Option("", t("search.allSections"))));
        s.database().dao(SectionDao.class).all().forEach(x -> sections.add(Option.inPublicationLanguage(x.slug(), x.name())));
        List<Option> kinds = new ArrayList<>(List.of(new Option("", t("search.allKinds"))));
        Arrays.stream(Kind.values()).forEach(k -> kinds.add(new Option(k.code(), k.label())));
        List<Option> authors = new ArrayList<>(List.of(new Option("", t("search.allWriters"))));
        s.database().dao(AuthorDao.class).all().forEach(a -> authors.add(Option.inPublicationLanguage(a.slug(), a.name())));
        return new SearchPage.Filters(sections, kinds, authors);
    }
}
