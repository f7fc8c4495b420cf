package dispatch.check;

import dispatch.image.Image;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The accessibility checks an article must pass before it is published, in the spirit of ATAG 2.0
 * part B: the newsroom helps editors produce accessible articles, and tells them why each problem
 * matters and how to fix it. Errors block publishing; warnings need an explicit acknowledgement,
 * because some (a long alt text for a chart, say) can be the right choice.
 */
public final class ArticleChecks {
    private final List<Check> checks;

    /** @param images finds a library image by name, for the body's {@code ![](image:NAME)} figures */
    public ArticleChecks(Function<String, Optional<Image>> images) {
        this.checks = List.of(new FieldChecks(), new ImageChecks(images), new HeadingChecks(), new LinkChecks(),
            new TableChecks(), new LanguageChecks(), new CapitalsChecks());
    }

    /** Every problem found: errors first, then warnings, each in the order they appear on the form. */
    public List<Finding> check(ArticleDraft draft) {
        Body body = Body.parse(draft.bodyMarkdown());
        Findings findings = new Findings(body);
        checks.forEach(c -> c.check(draft, body, findings));
        return findings.inOrder();
    }

    public static boolean blocksPublishing(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
