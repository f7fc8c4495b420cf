package dispatch.newsletter;

import java.util.List;

/**
 * One issue as one subscriber receives it: the HTML part ({@code newsletter/issue-mail.jte}),
 * the plain-text part ({@link #text()}) and the newsroom's preview are all written from this.
 *
 * @param lang           the subscriber's language, which the mail's own words are in
 * @param namesLang      lang for what is in the publication's language (the newsletter's name,
 *                       the subject, the intro) when it differs from {@code lang}; else null
 * @param unsubscribeUrl the subscriber's own link; null in the newsroom's preview
 */
public record IssueMail(String lang, String dir, String siteName, String newsletterName, String namesLang, String namesDir,
                        String subject, List<String> intro, List<Item> items, String siteUrl, String unsubscribeUrl) {

    /**
     * One article of the issue.
     *
     * @param section its section's name, in the publication's language
     * @param kind    its kind ("Analysis"), and "for members" when it is
     * @param opening the article's first paragraph as text; null when the subscriber may not read it
     */
    public record Item(String headline, String standfirst, String url, String lang, String dir, String section, String kind,
                       boolean membersOnly, String opening) {}

    /** The words of a message in the subscriber's language, looked up once by {@link NewsletterMail}. */
    public record Words(String forMembersOnly, String read, String why, String unsubscribe, String linkText) {}

    public String text(Words words) {
        StringBuilder text = new StringBuilder(newsletterName).append(" · ").append(siteName).append("\n\n");
        text.append(subject).append("\n").append("=".repeat(Math.min(subject.length(), 60))).append("\n\n");
        intro.forEach(p -> text.append(p).append("\n\n"));
        for (Item item : items) {
            text.append(item.headline()).append("\n").append("-".repeat(Math.min(item.headline().length(), 60))).append("\n");
            text.append(item.section()).append(" · ").append(item.kind()).append("\n\n").append(item.standfirst()).append("\n\n");
            if (item.opening() != null) {
                text.append(item.opening()).append("\n\n");
            } else if (item.membersOnly()) {
                text.append(words.forMembersOnly()).append("\n\n");
            }
            text.append(words.read()).append(": ").append(item.url()).append("\n\n");
        }
        text.append("-- \n").append(words.why()).append("\n");
        if (unsubscribeUrl != null) {
            text.append(words.unsubscribe()).append(":\n").append(unsubscribeUrl).append("\n");
        }
        return text.toString();
    }
}
