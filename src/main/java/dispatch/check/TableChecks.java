package dispatch.check;

import org.jsoup.nodes.Element;

/** Every table labels its columns with header cells. */
final class TableChecks implements Check {

    @Override
    public void check(ArticleDraft draft, Body body, Findings out) {
        for (Element table : body.select("table")) {
            var headers = table.select("th");
            String problem = headers.isEmpty() ? "has no header cells"
                : headers.stream().allMatch(th -> th.text().isBlank()) ? "has header cells, but they are all empty"
                : null;
            if (problem != null) {
                out.add(table, Finding.error("table-no-headers", "body",
                    name(table) + " " + problem + ".",
                    "Screen readers use header cells to tell listeners which row and column each value belongs "
                        + "to. Without them a table is a string of words and numbers with no labels.",
                    "Give the table a header row: in Markdown, the first row, above the |---| line. Put a short "
                        + "label in each of its cells."));
            }
        }
    }

    /** The table's caption (the "Table: " paragraph before it), or else its first row. */
    private static String name(Element table) {
        Element before = table.previousElementSibling();
        if (before != null && before.normalName().equals("p") && before.text().startsWith("Table: ")) {
            return "The table " + Quote.of(before.text().substring(7));
        }
        Element caption = table.selectFirst("caption");
        if (caption != null && !caption.text().isBlank()) {
            return "The table " + Quote.of(caption.text());
        }
        Element row = table.selectFirst("tr");
        return row == null || row.text().isBlank() ? "A table" : "The table starting " + Quote.of(row.text());
    }
}
