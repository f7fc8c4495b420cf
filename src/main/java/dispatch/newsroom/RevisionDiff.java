package dispatch.newsroom;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two revisions: the short fields side by side, and the body line by line
 * with the changed words marked (java-diff-utils). Long runs of unchanged paragraphs are
 * folded into one line that says how many there are.
 */
public final class RevisionDiff {
    private static final char DEL_START = '\u0001';
    private static final char DEL_END = '\u0002';
    private static final char INS_START = '\u0003';
    private static final char INS_END = '\u0004';

    /** A short field whose value changed. */
    public record FieldChange(String field, String before, String after) {}

    /** A run of text: "same", "removed" or "added". */
    public record Segment(String text, String kind) {}

    /** A line of the body: "same", "removed", "added", "changed", or "folded" (unchanged lines left out). */
    public record Line(String kind, List<Segment> segments, int folded) {}

    public record Result(List<FieldChange> fields, List<Line> body) {
        public boolean bodyChanged() {
            return body.stream().anyMatch(l -> !l.kind().equals("same") && !l.kind().equals("folded"));
        }
    }

    static Result between(Snapshot before, Snapshot after) {
        List<FieldChange> fields = new ArrayList<>();
        Map<String, String> a = before.fields();
        Map<String, String> b = after.fields();
        a.forEach((name, value) -> {
            if (!Objects.equals(value, b.get(name))) {
                fields.add(new FieldChange(name, value, b.get(name)));
            }
        });
        return new Result(fields, body(before.body(), after.body()));
    }

    private static List<Line> body(String before, String after) {
        DiffRowGenerator generator = DiffRowGenerator.create()
            .showInlineDiffs(true).inlineDiffByWord(true).mergeOriginalRevised(true)
            .lineNormalizer(s -> s) // the template escapes; the default would escape twice
            .oldTag(start -> String.valueOf(start ? DEL_START : DEL_END))
            .newTag(start -> String.valueOf(start ? INS_START : INS_END))
            .build();
        List<DiffRow> rows = generator.generateDiffRows(lines(before), lines(after));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            DiffRow row = rows.get(i);
            if (row.getTag() == DiffRow.Tag.EQUAL && !nearChange(rows, i)) {
                int start = i;
                while (i + 1 < rows.size() && rows.get(i + 1).getTag() == DiffRow.Tag.EQUAL && !nearChange(rows, i + 1)) {
                    i++;
                }
                lines.add(new Line("folded", List.of(), i - start + 1));
                continue;
            }
            String kind = switch (row.getTag()) {
                case EQUAL -> "same";
                case INSERT -> "added";
                case DELETE -> "removed";
                case CHANGE -> "changed";
            };
            lines.add(new Line(kind, segments(row.getOldLine()), 0));
        }
        return lines;
    }

    private static boolean nearChange(List<DiffRow> rows, int i) {
        return (i > 0 && rows.get(i - 1).getTag() != DiffRow.Tag.EQUAL)
            || (i + 1 < rows.size() && rows.get(i + 1).getTag() != DiffRow.Tag.EQUAL);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    /** Splits a merged line at the markers the generator put round removed and added words. */
    static List<Segment> segments(String merged) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String kind = "same";
        for (char c : merged.toCharArray()) {
            String next = switch (c) {
                case DEL_START -> "removed";
                case INS_START -> "added";
                case DEL_END, INS_END -> "same";
                default -> null;
            };
            if (next == null) {
                text.append(c);
                continue;
            }
            if (text.length() > 0) {
                segments.add(new Segment(text.toString(), kind));
                text.setLength(0);
            }
            kind = next;
        }
        if (text.length() > 0) {
            segments.add(new Segment(text.toString(), kind));
        }
        return segments;
    }

    private RevisionDiff() {}
}
