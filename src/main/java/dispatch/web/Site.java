package dispatch.web;

import dispatch.section.SectionDao;
import java.util.List;
import java.util.function.Supplier;

/** Facts every page shares: the publication's name, address, sections and stylesheet. */
public final class Site {
    private final String name;
    private final Supplier<String> baseUrl;
    private final SectionDao sections;
    private final String stylesheet;

    /** @param baseUrl the public address without a trailing slash; read when a page is built */
    public Site(String name, Supplier<String> baseUrl, SectionDao sections, String stylesheet) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.sections = sections;
        this.stylesheet = stylesheet;
    }

    public String name() {
        return name;
    }

    public String absolute(String path) {
        return baseUrl.get() + path;
    }

    /** A layout for the page at {@code path} (with any query string a canonical URL needs). */
    public Layout layout(String title, String description, String path) {
        String language = Languages.current();
        return new Layout(name(), title, description, absolute(path), language, Languages.direction(language),
            sections.all(), null, List.of(), stylesheet, path, dispatch.preferences.PreferencesFilter.current().htmlClass(),
            dispatch.account.ReaderFilter.current().map(dispatch.account.User::name).orElse(null));
    }
}
