package dispatch.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jsoup.nodes.Node;

/**
 * Collects findings as the checks make them and hands them back errors first, then warnings,
 * each in the order an editor meets them on the form: field by field, and within the body in
 * the order the text runs, so the list reads from top to bottom like an error summary.
 */
final class Findings {
    /** The form's fields in the order they appear on the article form. */
    private static final List<String> FIELDS = List.of("headline", "standfirst", "body", "lead-image");

    /** A finding and where it was made: the node in the body, or null for a whole field. */
    record Placed(Finding finding, int position, Node at) {}

    private final Body body;
    private final List<Placed> found = new ArrayList<>();

    Findings(Body body) {
        this.body = body;
    }

    /** Adds a finding about a whole field. */
    void add(Finding finding) {
        found.add(new Placed(finding, -1, null));
    }

    /** Adds a finding about a place in the body. */
    void add(Node at, Finding finding) {
        found.add(new Placed(finding, body.position(at), at));
    }

    List<Finding> inOrder() {
        return placed().stream().map(Placed::finding).toList();
    }

    /** The same, each with where it was made. */
    List<Placed> placed() {
        return found.stream()
            .sorted(Comparator.comparing((Placed p) -> p.finding().severity())
                .thenComparingInt(p -> FIELDS.indexOf(p.finding().field()))
                .thenComparingInt(Placed::position))
            .toList();
    }
}
