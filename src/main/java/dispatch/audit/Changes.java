package dispatch.audit;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed between two runs: problems that appeared and problems that were fixed. A problem
 * is the same in both runs when its page, check, rule and element are. Only pages checked in
 * both runs count, so that auditing fewer pages never looks like fixing problems.
 *
 * @param previous when the earlier run started
 */
public record Changes(Instant previous, int previousFailures, List<Problem> appeared, List<Problem> fixed) {

    public static Changes between(AuditReport before, AuditReport now) {
        Set<String> pagesBefore = new HashSet<>();
        before.pages().stream().filter(p -> p.error() == null).forEach(p -> pagesBefore.add(p.url()));
        Set<String> pagesNow = new HashSet<>();
        now.pages().stream().filter(p -> p.error() == null).forEach(p -> pagesNow.add(p.url()));
        Set<String> keysBefore = new HashSet<>();
        before.problems().forEach(p -> keysBefore.add(p.key()));
        Set<String> keysNow = new HashSet<>();
        now.problems().forEach(p -> keysNow.add(p.key()));
        List<Problem> appeared = now.problems().stream()
            .filter(p -> pagesBefore.contains(p.page()) && !keysBefore.contains(p.key())).toList();
        List<Problem> fixed = before.problems().stream()
            .filter(p -> pagesNow.contains(p.page()) && !keysNow.contains(p.key())).toList();
        return new Changes(before.started(), before.failures().size(), appeared, fixed);
    }
}
