package dispatch.membership;

import static dispatch.web.Messages.t;

import dispatch.account.ReaderFilter;
import dispatch.account.ReaderAccounts;
import dispatch.account.User;
import dispatch.page.Page;
import dispatch.page.PageDao;
import dispatch.web.Csrf;
import dispatch.web.Layout;
import dispatch.web.Redirect;
import dispatch.web.Site;
import dispatch.web.Templates;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * /membership: what membership gives (the publisher's own words, the standing page "membership")
 * and the plans, each with a button to join; POST /membership/join starts the gateway's checkout.
 */
public final class MembershipServlet extends HttpServlet {
    private final Site site;
    private final Templates templates;
    private final PageDao pages;
    private final Membership membership;
    private final ReaderAccounts readers;

    public MembershipServlet(Site site, Templates templates, PageDao pages, Membership membership, ReaderAccounts readers) {
        this.site = site;
        this.templates = templates;
        this.pages = pages;
        this.membership = membership;
        this.readers = readers;
    }

    /**
     * The membership page.
     *
     * @param state   "anonymous" (sign in first), "unverified" (confirm the address first), "member", or "ready"
     * @param problem why the last attempt to join did not start, or null
     */
    public record MembershipPage(Layout layout, Page page, List<Plan> plans, String csrf, String state, boolean testMode,
                                 String problem) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<Page> page = pages.find("membership");
        Layout layout = site.layout(t("membership.title"), t("membership.description"), "/membership").withCrumbs(Layout.home());
        Optional<User> user = ReaderFilter.current();
        String state = user.isEmpty() ? "anonymous" : membership.entitled(user.get()) ? "member"
            : readers.isVerified(user.get()) ? "ready" : "unverified";
        templates.send(response, "membership/membership.jte", new MembershipPage(layout, page.orElse(null),
            membership.plans(), user.isPresent() ? Csrf.token(request, response) : null, state, membership.gateway().testMode(),
            request.getParameter("unavailable") != null ? t("membership.gatewayUnavailable") : null));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/join".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (Csrf.rejects(request, response)) {
            return;
        }
        Optional<User> user = ReaderFilter.current();
        if (user.isEmpty()) {
            Redirect.seeOther(response, "/account/sign-in?next=" + URLEncoder.encode("/membership", StandardCharsets.UTF_8));
            return;
        }
        Optional<Plan> plan = membership.plan(request.getParameter("plan"));
        if (plan.isEmpty() || membership.entitled(user.get()) || !readers.isVerified(user.get())) {
            Redirect.seeOther(response, "/membership");  // the page says what to do first
            return;
        }
        PaymentGateway.Checkout checkout;
        try {
            checkout = membership.join(user.get(), plan.get(), site.absolute(""));
        } catch (PaymentGatewayException e) {
            // Nothing was stored or charged; the page says so and the reader can try again.
            log("Could not start a checkout: " + e.getMessage());
            Redirect.seeOther(response, "/membership?unavailable");
            return;
        }
        Redirect.seeOther(response, checkout.url());
    }
}
