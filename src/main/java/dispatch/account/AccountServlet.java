package dispatch.account;

import static dispatch.web.Messages.t;

import dispatch.membership.Membership;
import dispatch.membership.PaymentGatewayException;
import dispatch.membership.Subscription;
import dispatch.preferences.PreferencesFilter;
import dispatch.web.Csrf;
import dispatch.web.Form;
import dispatch.web.Format;
import dispatch.web.Layout;
import dispatch.web.Redirect;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dispatch.newsletter.Newsletter;
import dispatch.newsletter.Subscriptions;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /account: a reader's membership, address, password, preferences and data, and the forms that
 * change them (each posts to /account/WHAT and comes back here with a notice, or shows this
 * page again with the errors and what was typed).
 */
public final class AccountServlet extends HttpServlet {
    private static final Map<String, String> NOTICES = Map.ofEntries(
        Map.entry("welcome", "register.welcome"), Map.entry("verified", "confirm.verified"),
        Map.entry("email-changed", "confirm.emailChanged"), Map.entry("email-taken", "confirm.emailTaken"),
        Map.entry("password-reset", "reset.done"), Map.entry("password-changed", "account.passwordChanged"),
        Map.entry("preferences-saved", "account.preferencesDone"), Map.entry("joined", "checkout.welcome"),
        Map.entry("cancelled", "account.cancelled"), Map.entry("resent", "account.resent"),
        Map.entry("cancel-failed", "account.cancelUnavailable"),
        Map.entry("newsletter-on", "newsletters.accountSubscribed"), Map.entry("newsletter-pending", "newsletters.accountRequested"),
        Map.entry("newsletter-off", "newsletters.accountUnsubscribed"));
    private final ReaderPages pages;
    private final Membership membership;
    private final int freeSignedIn;
    private final Subscriptions newsletters;

    public AccountServlet(ReaderPages pages, Membership membership, int freeSignedIn, Subscriptions newsletters) {
        this.pages = pages;
        this.membership = membership;
        this.freeSignedIn = freeSignedIn;
        this.newsletters = newsletters;
    }

    /**
     * The account page.
     *
     * @param membershipStatus one sentence on where the membership stands
     * @param cancelHint       null when there is nothing to cancel
     * @param notice           what the last form did, or null
     * @param noticeProblem     whether the notice says something could not be done
     */
    public record AccountPage(Layout layout, String csrf, User user, boolean staff, boolean verified,
                              String membershipStatus, boolean member, String cancelHint, boolean testMode,
                              boolean preferencesSaved, String notice, boolean noticeProblem, Form form,
                              List<Subscriptions.Choice> newsletters) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> user = pages.signedInOrRedirect(request, response);
        if (user.isEmpty()) {
            return;
        }
        if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String notice = NOTICES.entrySet().stream().filter(e -> request.getParameter(e.getKey()) != null).findFirst()
            .map(e -> noticeText(e.getValue(), user.get())).orElse(null);
        response.setHeader("Cache-Control", "private, no-store");
        send(request, response, user.get(), Form.empty(), notice);
    }

    private String noticeText(String key, User user) {
        String until = membership.current(user).map(Subscription::currentPeriodEnd).map(Format::date).orElse("");
        return switch (key) {
            case "register.welcome", "account.resent" -> t(key, user.email());
            case "account.cancelled" -> t(key, until);
            // Back from a payment service's own checkout, whose confirmation may arrive a moment later.
            case "checkout.welcome" -> membership.entitled(user) ? t(key) : t("checkout.processing");
            default -> t(key);
        };
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> signedIn = pages.formFromSignedIn(request, response);
        if (signedIn.isEmpty()) {
            return;
        }
        User user = signedIn.get();
        Form form = Form.from(request);
        String action = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (action) {
            case "/resend" -> {
                if (pages.limits().refuses(request, response, ReaderPages.MAIL_TO_ADDRESS, user.email())) {
                    return;
                }
                pages.mail().verify(user, pages.readers().issue(user, ReaderAccounts.Purpose.VERIFY, null), null);
                Redirect.seeOther(response, "/account?resent");
            }
            case "/email" -> changeEmail(request, response, user, form);
            case "/password" -> changePassword(request, response, user, form);
            case "/preferences" -> {
                pages.readers().savePreferences(user, PreferencesFilter.current().cookieValue());
                Redirect.seeOther(response, "/account?preferences-saved");
            }
            case "/newsletters" -> newsletter(response, user, form);
            case "/cancel" -> {
                try {
                    membership.cancel(user);
                } catch (PaymentGatewayException e) {
                    log("Could not cancel a membership: " + e.getMessage());
                    Redirect.seeOther(response, "/account?cancel-failed");
                    return;
                }
                Redirect.seeOther(response, "/account?cancelled");
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** Signs the reader up to a newsletter or off it, with one button each. */
    private void newsletter(HttpServletResponse response, User user, Form form) throws IOException {
        Optional<Newsletter> newsletter = newsletters.newsletter(form.value("newsletter"));
        if (newsletter.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (form.value("action").equals("unsubscribe")) {
            newsletters.unsubscribeReader(newsletter.get(), user);
            Redirect.seeOther(response, "/account?newsletter-off");
            return;
        }
        boolean confirmed = pages.readers().isVerified(user);
        newsletters.subscribeReader(newsletter.get(), user, confirmed, dispatch.web.Languages.current());
        Redirect.seeOther(response, confirmed ? "/account?newsletter-on" : "/account?newsletter-pending");
    }

    private void changeEmail(HttpServletRequest request, HttpServletResponse response, User user, Form form) throws IOException {
        String email = Accounts.normalise(form.value("new-email"));
        String emailProblem = ReaderPages.emailProblem(email);
        if (emailProblem != null) {
            form.error("new-email", emailProblem);
        } else if (email.equals(user.email())) {
            form.error("new-email", t("account.errorSameEmail"));
        } else if (pages.readers().emailTaken(email)) {
            form.error("new-email", t("register.errorTaken"));
        }
        if (!pages.readers().passwordMatches(user, form.value("email-password"))) {
            form.error("email-password", t("account.errorCurrentPassword"));
        }
        form.set("email-password", "");
        if (form.hasErrors()) {
            send(request, response, user, form, null);
            return;
        }
        pages.mail().newAddress(user, email, pages.readers().issue(user, ReaderAccounts.Purpose.EMAIL, email));
        send(request, response, user, Form.empty(), t("account.changeEmailSent", email));
    }

    private void changePassword(HttpServletRequest request, HttpServletResponse response, User user, Form form)
            throws IOException {
        if (!pages.readers().passwordMatches(user, form.value("current-password"))) {
            form.error("current-password", t("account.errorCurrentPassword"));
        }
        String problem = Passwords.problem(form.value("new-password"));
        if (problem != null) {
            form.error("new-password", problem);
        }
        if (form.hasErrors()) {
            form.set("current-password", "").set("new-password", "");
            send(request, response, user, form, null);
            return;
        }
        pages.readers().changePassword(user, form.value("new-password"),
            ReaderFilter.session(request).orElse(""));
        Redirect.seeOther(response, "/account?password-changed");
    }

    private void send(HttpServletRequest request, HttpServletResponse response, User user, Form form, String notice)
            throws IOException {
        Optional<Subscription> current = membership.current(user);
        boolean member = membership.entitled(user) && !user.isStaff();
        String status;
        String cancelHint = null;
        if (current.isPresent() && member) {
            Subscription s = current.get();
            String end = Format.date(s.currentPeriodEnd());
            status = s.status().equals("past_due") ? t("account.memberPastDue", end)
                : s.renews() ? t("account.memberUntil", end) : t("account.memberEnds", end);
            cancelHint = s.renews() ? t("account.cancelHint", end) : null;
        } else {
            status = t("account.notMember", freeSignedIn);
        }
        Layout layout = pages.layout(t("account.title"), t("account.description"), "/account", form.hasErrors(), false);
        response.setHeader("Cache-Control", "private, no-store");
        pages.templates().send(response, "account/account.jte", new AccountPage(layout, Csrf.token(request, response), user,
            user.isStaff(), pages.readers().isVerified(user), status, member, cancelHint, membership.gateway().testMode(),
            pages.readers().preferences(user).isPresent(), notice,
            request.getParameter("cancel-failed") != null && notice != null, form, newsletters.choices(user)));
    }
}
