package dispatch.membership;

import static dispatch.web.Messages.t;

import dispatch.account.ReaderFilter;
import dispatch.account.User;
import dispatch.web.Csrf;
import dispatch.web.Layout;
import dispatch.web.Redirect;
import dispatch.web.Site;
import dispatch.web.Templates;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * /membership/test-checkout/REF: the test gateway's checkout, standing in for Stripe's hosted
 * page when no Stripe key is set. It says plainly that it is test mode and that no money moves.
 * Only the reader who started the checkout can complete it.
 */
public final class TestCheckoutServlet extends HttpServlet {
    private final Site site;
    private final Templates templates;
    private final Membership membership;
    private final TestGateway gateway;

    public TestCheckoutServlet(Site site, Templates templates, Membership membership, TestGateway gateway) {
        this.site = site;
        this.templates = templates;
        this.membership = membership;
        this.gateway = gateway;
    }

    /** The checkout: the plan and its price, "Pay (test)" and a way back. */
    public record CheckoutPage(Layout layout, String csrf, Plan plan, String reference) {}

    private Optional<Subscription> pending(HttpServletRequest request) {
        String reference = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Optional<User> user = ReaderFilter.current();
        return membership.byReference(reference)
            .filter(s -> s.status().equals("pending") && user.isPresent() && user.get().id() == s.userId());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Subscription> subscription = pending(request);
        Optional<Plan> plan = subscription.flatMap(s -> membership.plan(s.planCode()));
        if (plan.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Layout layout = site.layout(t("checkout.title"), t("checkout.title"), request.getRequestURI())
            .withCrumbs(Layout.home(), new Layout.Crumb(t("membership.title"), "/membership"));
        response.setHeader("Cache-Control", "private, no-store");
        templates.send(response, "membership/test-checkout.jte",
            new CheckoutPage(layout, Csrf.token(request, response), plan.get(), subscription.get().gatewayRef()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (Csrf.rejects(request, response)) {
            return;
        }
        Optional<Subscription> subscription = pending(request);
        Optional<Plan> plan = subscription.flatMap(s -> membership.plan(s.planCode()));
        if (plan.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        gateway.pay(subscription.get(), plan.get());
        Redirect.seeOther(response, "/account?joined");
    }
}
