package dispatch.newsletter;

import static dispatch.web.Messages.t;

import dispatch.account.Accounts;
import dispatch.account.ReaderFilter;
import dispatch.account.User;
import dispatch.limit.FormLimits;
import dispatch.limit.RateLimits;
import dispatch.web.Csrf;
import dispatch.web.Form;
import dispatch.web.Languages;
import dispatch.web.Layout;
import dispatch.web.Redirect;
import dispatch.web.Site;
import dispatch.web.Templates;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The readers' side of the newsletters: /newsletters (every newsletter with its sign-up form),
 * /newsletters/subscribe (where every sign-up form posts), /newsletters/confirm?token= (confirm a
 * sign-up from the mailed link) and /newsletters/unsubscribe?token= (leave, from an issue's link
 * or its List-Unsubscribe header).
 */
public final class NewsletterServlet extends HttpServlet {
    private final Site site;
    private final Templates templates;
    /** Sign-ups from one client, to any newsletter and address. */
    static final RateLimits.Limit PER_CLIENT = new RateLimits.Limit("newsletter-client", 10, Duration.ofHours(1));
    /** Sign-ups for one address, to any newsletter, from anyone: each may send a mail. */
    static final RateLimits.Limit PER_ADDRESS = new RateLimits.Limit("newsletter-address", 5, Duration.ofHours(1));
    static final int MAX_EMAIL = 320;
    private final Subscriptions subscriptions;
    private final FormLimits limits;

    public NewsletterServlet(Site site, Templates templates, Subscriptions subscriptions, FormLimits limits) {
        this.site = site;
        this.templates = templates;
        this.subscriptions = subscriptions;
        this.limits = limits;
    }

    /**
     * The list of newsletters.
     *
     * @param email  the address to fill the forms with (the signed-in reader's), or empty
     * @param notice what the last form did, or null
     */
    public record NewslettersPage(Layout layout, List<Newsletter> newsletters, Form form, String email, String notice) {
        /** What the field of one newsletter's form shows: what was typed into it, else the reader's address. */
        public String value(Newsletter newsletter) {
            return form.value("newsletter").equals(newsletter.code()) ? form.value(newsletter.fieldId()) : email;
        }

        public String error(Newsletter newsletter) {
            return form.errorFor(newsletter.fieldId());
        }
    }

    /** Confirming a sign-up: what is confirmed and the button; or that the link no longer works. */
    public record ConfirmPage(Layout layout, String csrf, String token, Newsletter newsletter, String email) {}

    /** Leaving a newsletter: the button; or that the address is off it already; or that the link does not work. */
    public record UnsubscribePage(Layout layout, String token, Newsletter newsletter, String email, boolean already) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (path(request)) {
            case "" -> list(request, response, HttpServletResponse.SC_OK, Form.empty(), notice(request));
            case "/confirm" -> confirmPage(request, response);
            case "/unsubscribe" -> unsubscribePage(request, response);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (path(request)) {
            case "/subscribe" -> subscribe(request, response);
            case "/confirm" -> confirm(request, response);
            case "/unsubscribe" -> unsubscribe(request, response);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /**
     * A sign-up from any form on the site. It carries no CSRF token on purpose: the forms sit on
     * the front page and under articles, which must be the same for every reader so that they
     * can be cached. A forged sign-up is harmless: it only sends a confirmation the owner of the
     * address can ignore (double opt-in), and Subscriptions sends one address at most one an
     * hour per newsletter, so the form cannot be used to flood an inbox. Sign-ups are limited per
     * client and per address too (429 beyond), so it cannot be used to fill the table either.
     */
    private void subscribe(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Form form = Form.from(request);
        Optional<Newsletter> newsletter = subscriptions.newsletter(form.value("newsletter"));
        if (newsletter.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String email = Accounts.normalise(form.value(newsletter.get().fieldId()));
        if (email.isEmpty()) {
            form.error(newsletter.get().fieldId(), t("newsletters.errorEmailMissing"));
        } else if (email.length() > MAX_EMAIL) {
            form.error(newsletter.get().fieldId(), t("form.errorEmailLong", MAX_EMAIL));
        } else if (!plausibleEmail(email)) {
            form.error(newsletter.get().fieldId(), t("newsletters.errorEmail"));
        }
        if (form.hasErrors()) {
            list(request, response, 422, form, null);
            return;
        }
        if (limits.refusesClient(request, response, PER_CLIENT) || limits.refuses(request, response, PER_ADDRESS, email)) {
            return;
        }
        subscriptions.request(newsletter.get(), email, ReaderFilter.current().orElse(null), Languages.current());
        Redirect.seeOther(response, "/newsletters?requested=" + newsletter.get().code());
    }

    private void confirmPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        Optional<Subscription> pending = subscriptions.pending(token);
        String title = t("newsletters.confirmTitle");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "private, no-store");
        templates.send(response, pending.isPresent() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_GONE,
            "newsletter/confirm.jte", new ConfirmPage(layout(title, "/newsletters/confirm"), Csrf.token(request, response),
                token == null ? "" : token, pending.flatMap(s -> subscriptions.newsletter(s.newsletterCode())).orElse(null),
                pending.map(Subscription::email).orElse("")));
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Csrf.valid(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Optional<Subscription> done = subscriptions.confirm(request.getParameter("token"));
        Redirect.seeOther(response, done.map(s -> "/newsletters?confirmed=" + s.newsletterCode())
            .orElse("/newsletters/confirm?token="));
    }

    private void unsubscribePage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        Optional<Subscription> subscription = subscriptions.byUnsubscribeToken(token);
        String title = t("newsletters.unsubscribeTitle");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "private, no-store");
        templates.send(response, subscription.isPresent() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_GONE,
            "newsletter/unsubscribe.jte", new UnsubscribePage(layout(title, "/newsletters/unsubscribe"),
                token == null ? "" : token, subscription.flatMap(s -> subscriptions.newsletter(s.newsletterCode())).orElse(null),
                subscription.map(Subscription::email).orElse(""),
                subscription.map(s -> "unsubscribed".equals(s.status())).orElse(false)));
    }

    /**
     * Leaving, in one step. Mail programs that offer their own unsubscribe button post
     * "List-Unsubscribe=One-Click" to the address in the List-Unsubscribe header, without
     * cookies (RFC 8058): they get a plain 200. The button on the page gets the page that says
     * it is done. The token in the link is what authorises it, so no CSRF token is asked for.
     */
    private void unsubscribe(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("token");
        Optional<Subscription> subscription = subscriptions.byUnsubscribeToken(token);
        boolean done = subscriptions.unsubscribe(token);
        if ("One-Click".equals(request.getParameter("List-Unsubscribe"))) {
            response.setStatus(done ? HttpServletResponse.SC_OK : HttpServletResponse.SC_GONE);
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write(done ? "Unsubscribed.\n" : "This link does not work.\n");
            return;
        }
        Redirect.seeOther(response, subscription.map(s -> "/newsletters?unsubscribed=" + s.newsletterCode())
            .orElse("/newsletters/unsubscribe?token="));
    }

    private void list(HttpServletRequest request, HttpServletResponse response, int status, Form form, String notice)
            throws IOException {
        String title = t("newsletters.title");
        Layout layout = site.layout((form.hasErrors() ? t("form.errorPrefix") : "") + title, t("newsletters.description"),
            "/newsletters").withCrumbs(Layout.home());
        String email = ReaderFilter.current().map(User::email).orElse("");
        if (!email.isEmpty() || notice != null || form.hasErrors()) {
            response.setHeader("Cache-Control", "private, no-store");
        }
        templates.send(response, status, "newsletter/newsletters.jte",
            new NewslettersPage(layout, subscriptions.newsletters(), form, email, notice));
    }

    /** The notice for /newsletters?requested=CODE, ?confirmed=CODE or ?unsubscribed=CODE. */
    private String notice(HttpServletRequest request) {
        for (String what : List.of("requested", "confirmed", "unsubscribed")) {
            Optional<Newsletter> newsletter = subscriptions.newsletter(request.getParameter(what));
            if (newsletter.isPresent()) {
                return t("newsletters." + what, newsletter.get().name());
            }
        }
        return null;
    }

    private Layout layout(String title, String path) {
        return site.layout(title, title, path).withCrumbs(Layout.home(),
            new Layout.Crumb(t("newsletters.title"), "/newsletters"));
    }

    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.equals("/") ? "" : info;
    }

    static boolean plausibleEmail(String email) {
        return email.length() <= 320 && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }
}
