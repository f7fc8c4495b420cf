package dispatch.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's review of one success criterion, which the conformance report uses where the
 * machines cannot decide.
 *
 * @param sc       the criterion, "1.3.1"
 * @param verdict  one of {@link Acr#LEVELS} except "Not Evaluated"
 * @param scope    the pages or page types reviewed, in the reviewer's words
 * @param date     when the review was done
 */
public record Review(String sc, String verdict, String notes, String scope, LocalDate date, String reviewer) {

    /** The verdicts a person may record. */
    public static final List<String> VERDICTS = List.of(Acr.SUPPORTS, Acr.PARTIALLY_SUPPORTS, Acr.DOES_NOT_SUPPORT,
        Acr.NOT_APPLICABLE);

    /** Why this review cannot be used, or null when it can. */
    public String problem() {
        if (sc == null || Wcag.criteria().find(sc).isEmpty()) {
            return "\"" + sc + "\" is not a WCAG 2.2 success criterion";
        }
        if (!VERDICTS.contains(verdict)) {
            return "the verdict for " + sc + " must be one of " + String.join(", ", VERDICTS) + ", not \"" + verdict + "\"";
        }
        if (date == null || reviewer == null || reviewer.isBlank()) {
            return "the review of " + sc + " needs a date and a reviewer";
        }
        return null;
    }
}
