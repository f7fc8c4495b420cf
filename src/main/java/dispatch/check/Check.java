package dispatch.check;

/** One family of checks over a draft. */
interface Check {
    void check(ArticleDraft draft, Body body, Findings out);
}
