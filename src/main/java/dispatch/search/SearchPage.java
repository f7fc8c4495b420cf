package dispatch.search;

import dispatch.web.Form;
import dispatch.web.Layout;
import dispatch.web.Option;
import dispatch.web.Pagination;
import java.util.List;

/** The search page: the form as the reader filled it, and, when they searched, the results. */
public record SearchPage(Layout layout, Form form, SearchQuery query, List<SearchResult> results, int total,
                         Pagination pagination, Filters filters) {

    /** The choices of the filter lists. */
    public record Filters(List<Option> sections, List<Option> kinds, List<Option> authors) {}

    public boolean searched() {
        return !query.isEmpty() && !form.hasErrors();
    }
}
