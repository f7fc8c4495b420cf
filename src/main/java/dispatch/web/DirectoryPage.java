package dispatch.web;

import java.util.List;

/** An index of sections, topics or authors: each entry a name, a line about it and a link. */
public record DirectoryPage(Layout layout, String intro, List<Entry> entries) {
    public record Entry(String name, String description, String url) {}
}
