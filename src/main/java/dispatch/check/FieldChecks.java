package dispatch.check;

/** The headline and standfirst: present, and a headline short enough to take in. */
final class FieldChecks implements Check {
    static final int HEADLINE_LIMIT = 100;

    @Override
    public void check(ArticleDraft draft, Body body, Findings out) {
        String headline = draft.headline() == null ? "" : draft.headline().strip();
        if (headline.isEmpty()) {
            out.add(Finding.error("headline-missing", "headline", "headlineMissing", "headlineMissing"));
        } else {
            int length = headline.codePointCount(0, headline.length());
            if (length > HEADLINE_LIMIT) {
                out.add(Finding.warning("headline-long", "headline", "headlineLong", "headlineLong",
                    length, Quote.of(headline, draft.language()), HEADLINE_LIMIT));
            }
        }
        if (draft.standfirst() == null || draft.standfirst().isBlank()) {
            out.add(Finding.warning("standfirst-missing", "standfirst", "standfirstMissing", "standfirstMissing"));
        }
    }
}
