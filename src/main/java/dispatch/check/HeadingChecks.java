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
            String quoted = Quote.of(heading.text());
            if (level == 1) {
                out.add(heading, Finding.error("heading-level-1", "body",
                    "The heading " + quoted + " is a level 1 heading.",
                    "The headline is the page's only level 1 heading. Screen-reader users jump to it to find the "
                        + "start of the article, and a second one makes it unclear where the article begins.",
                    "Make it a level 2 heading (## in Markdown), and its subheadings level 3 (###)."));
            } else if (level > previous + 1) {
                String after = previous == 1
                    ? "there is no level " + (previous + 1) + " heading before it"
                    : "it follows a level " + previous + " heading";
                out.add(heading, Finding.error("heading-skip", "body",
                    "The heading " + quoted + " is level " + level + ", but " + after + ".",
                    "Screen-reader users often move around a page by its headings, and use their levels to "
                        + "understand how sections fit together. A skipped level suggests a section is missing.",
                    "Make it a level " + (previous + 1) + " heading (" + "#".repeat(previous + 1)
                        + " in Markdown), or add the missing level " + (previous + 1) + " heading above it."));
            }
            previous = level;
        }
    }
}
