package dispatch.newsletter;

import java.time.Instant;

/**
 * An issue of a newsletter: draft, then sending, then sent. An issue left in "sending" (the
 * server stopped, or the mail server refused) is resumed from where it stopped.
 */
public record Issue(long id, String newsletterCode, String newsletterName, String subject, String intro, String status,
                    Instant createdAt, Instant sentAt, int delivered) {
    public boolean draft() {
        return "draft".equals(status);
    }

    public boolean sending() {
        return "sending".equals(status);
    }

    public String statusLabel() {
        return dispatch.web.Messages.t("newsroom.issue." + switch (status) {
            case "draft", "sending" -> status;
            default -> "sent";
        });
    }
}
