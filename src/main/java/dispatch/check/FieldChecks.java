package dispatch.check;

/** The headline and standfirst: present, and a headline short enough to take in. */
final class FieldChecks implements Check {
    static final int HEADLINE_LIMIT = 100;

    @Override
    public void check(ArticleDraft draft, Body body, Findings out) {
        String headline = draft.headline() == null ? "" : draft.headline().strip();
        if (headline.isEmpty()) {
            out.add(Finding.error("headline-missing", "headline",
                "The article has no headline.",
                "The headline is the page's main heading and the start of its title. Screen-reader users jump to it "
                    + "to find where the article begins, and everyone sees it in search results, tabs and bookmarks.",
                "Enter a headline."));
        } else {
            int length = headline.codePointCount(0, headline.length());
            if (length > HEADLINE_LIMIT) {
                out.add(Finding.warning("headline-long", "headline",
                    "The headline " + Quote.of(headline) + " is " + length + " characters long.",
                    "Long headlines are hard to take in at a glance, get cut off in search results and browser tabs, "
                        + "and are slow to listen to: screen readers read the headline twice, as the page title "
                        + "and as the main heading.",
                    "Shorten the headline to " + HEADLINE_LIMIT + " characters or fewer, and move the detail into "
                        + "the standfirst."));
            }
        }
        if (draft.standfirst() == null || draft.standfirst().isBlank()) {
            out.add(Finding.warning("standfirst-missing", "standfirst",
                "The article has no standfirst.",
                "The standfirst sums up the article under the headline. It helps everyone decide whether to read on, "
                    + "and helps most those who find long text hard going or who listen to the page and want to "
                    + "know quickly what it is about.",
                "Write a sentence or two saying what the article is about and why it matters."));
        }
    }
}
