package dispatch.check;

import org.jsoup.nodes.Element;

/**
 * Headings in the body start at level 2, under the headline, and never skip a level, so that the
 * outline screen-reader users navigate by has no gaps.
 */
final class HeadingChecks implements Check {

    @Override
    public void check(ArticleDraft draft, Body body, Findings out) {
        int previous = 1; // the headline
        for (Element heading : body.select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.normalName().charAt(1) - '0';
            var quoted = Quote.of(heading.text(), draft.language());
            if (level == 1) {
                out.add(heading, Finding.error("heading-level-1", "body", "headingLevel1", "headingLevel1", quoted));
            } else if (level > previous + 1) {
                out.add(heading, Finding.error("heading-skip", "body",
                    previous == 1 ? "headingSkip.first" : "headingSkip.after", "headingSkip",
                    quoted, level, previous, previous + 1, "#".repeat(previous + 1)));
            }
            previous = level;
        }
    }
}
