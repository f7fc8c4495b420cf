package dispatch.audit;

import java.util.List;

/**
 * What acr.html shows: the conformance report's three tables (A, AA, AAA), with how many
 * criteria stand at each conformance level.
 */
public record AcrPage(String css, Acr acr, String date, List<Table> tables) {

    /** One table of the report, and its totals by conformance level. */
    public record Table(String id, String heading, List<Acr.Entry> entries, List<Total> totals) {

        /** "Supports: 2. Not Evaluated: 29." */
        public String totalsText() {
            return String.join(" ", totals.stream().map(t -> t.conformance() + ": " + t.criteria() + ".").toList());
        }
    }

    /** How many criteria of a table stand at one conformance level. */
    public record Total(String conformance, long criteria) {}

    public static AcrPage of(Acr acr, String css) {
        return new AcrPage(css, acr, ReportPage.date(acr.date()), List.of(
            table("level-a", "Table 1: Success Criteria, Level A", acr.levelA()),
            table("level-aa", "Table 2: Success Criteria, Level AA", acr.levelAA()),
            table("level-aaa", "Table 3: Success Criteria, Level AAA", acr.levelAAA())));
    }

    private static Table table(String id, String heading, List<Acr.Entry> entries) {
        List<Total> totals = Acr.LEVELS.stream()
            .map(level -> new Total(level, entries.stream().filter(e -> e.conformance().equals(level)).count()))
            .filter(t -> t.criteria() > 0).toList();
        return new Table(id, heading, entries, totals);
    }
}
