package dispatch.check;

import org.jsoup.nodes.Element;

/** Every table labels its columns with header cells. */
final class TableChecks implements Check {

    @Override
    public void check(ArticleDraft draft, Body body, Findings out) {
        for (Element table : body.select("table")) {
            var headers = table.select("th");
            boolean none = headers.isEmpty();
            if (none || headers.stream().allMatch(th -> th.text().isBlank())) {
                Named named = name(table);
                // {0}: 0 when the table has no header cells, 1 when they are all empty; {1}: its name
                out.add(table, Finding.error("table-no-headers", "body", "tableNoHeaders." + named.how(),
                    "tableNoHeaders", none ? 0 : 1, Quote.of(named.text(), draft.language())));
            }
        }
    }

    /** How a table is named in a finding: by its "caption", by its "firstRow", or "unnamed". */
    private record Named(String how, String text) {}

    /** The table's caption (the "Table: " paragraph before it), or else its first row. */
    private static Named name(Element table) {
        Element before = table.previousElementSibling();
        if (before != null && before.normalName().equals("p") && before.text().startsWith("Table: ")) {
            return new Named("caption", before.text().substring(7));
        }
        Element caption = table.selectFirst("caption");
        if (caption != null && !caption.text().isBlank()) {
            return new Named("caption", caption.text());
        }
        Element row = table.selectFirst("tr");
        return row == null || row.text().isBlank() ? new Named("unnamed", "") : new Named("firstRow", row.text());
    }
}
