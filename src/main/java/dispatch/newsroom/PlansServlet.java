package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.activity.ActivityLog;
import dispatch.db.Database;
import dispatch.membership.Plan;
import dispatch.membership.PlanDao;
import dispatch.web.Form;
import dispatch.web.Layout;
import dispatch.web.Option;
import dispatch.web.Redirect;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * /newsroom/plans, for administrators: what membership costs. Each plan's name, price, currency
 * and period can be changed, and plans can be put on offer or taken off; one of those on offer is
 * the default, listed first wherever membership is offered. A change applies to people who join
 * from then on: current members keep the terms they joined on until they cancel.
 */
public final class PlansServlet extends HttpServlet {
    /** The periods a plan can run for, in months. */
    static final List<Integer> PERIODS = List.of(1, 3, 6, 12);
    /** The currencies offered in the form: the card networks' and Stripe's common ones, and the region's. */
    static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "TRY", "AED", "SAR", "ILS", "QAR", "JOD", "EGP");

    private final NewsroomPages pages;
    private final Database database;
    private final Clock clock;

    public PlansServlet(NewsroomPages pages, Database database, Clock clock) {
        this.pages = pages;
        this.database = database;
        this.clock = clock;
    }

    /** A plan as the list shows it, with how many people hold a membership on it now. */
    public record Row(Plan plan, boolean isDefault, int members) {}

    public record PlansPage(Layout layout, Staff staff, List<Row> plans, String done) {}

    public record PlanPage(Layout layout, Staff staff, Plan plan, List<Option> currencies, List<Option> periods,
                           Form form) {}

    /** Administrators only, whatever the method. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws jakarta.servlet.ServletException, IOException {
        if (!Staff.of(request).may(Permissions.Action.MANAGE_PLANS)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Staff staff = Staff.of(request).in("plans");
        Optional<Plan> plan = plan(request);
        if (plan == null) {
            list(response, staff, "saved".equals(request.getParameter("done")) ? t("newsroom.plans.saved") : null);
        } else if (plan.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else {
            Plan p = plan.get();
            Form form = Form.empty().set("name", p.name()).set("price", amount(p).toPlainString())
                .set("currency", p.currency()).set("period", String.valueOf(p.periodMonths()))
                .set("offered", p.active() ? "yes" : "").set("default", isDefault(p) ? "yes" : "");
            edit(response, HttpServletResponse.SC_OK, staff, p, form);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Plan> plan = plan(request);
        if (plan == null || plan.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        change(response, Staff.of(request).in("plans"), plan.get(), Form.from(request));
    }

    private void change(HttpServletResponse response, Staff staff, Plan plan, Form form) throws IOException {
        String name = form.trimmed("name");
        if (name.isEmpty() || name.length() > 100) {
            form.error("name", t("newsroom.plans.errorName"));
        }
        String currency = form.value("currency");
        if (!CURRENCIES.contains(currency)) {
            form.error("currency", t("newsroom.plans.errorCurrency"));
            currency = plan.currency();
        }
        Long priceMinor = priceMinor(form.trimmed("price"), Currency.getInstance(currency));
        if (priceMinor == null) {
            form.error("price", t("newsroom.plans.errorPrice"));
        }
        Integer period = PERIODS.stream().filter(p -> String.valueOf(p).equals(form.value("period"))).findFirst().orElse(null);
        if (period == null) {
            form.error("period", t("newsroom.plans.errorPeriod"));
        }
        boolean offered = form.checked("offered");
        boolean makeDefault = form.checked("default");
        if (makeDefault && !offered) {
            form.error("default", t("newsroom.plans.errorDefaultOffered"));
        } else if (!offered && plan.active() && othersOffered(plan) == 0) {
            form.error("offered", t("newsroom.plans.errorLastOffered"));
        }
        if (form.hasErrors()) {
            edit(response, 422, staff, plan, form);
            return;
        }
        var now = clock.instant();
        String chosenCurrency = currency;
        database.jdbi().useTransaction(h -> {
            PlanDao plans = h.attach(PlanDao.class);
            plans.update(plan.code(), name, priceMinor, chosenCurrency, period, offered);
            if (makeDefault) {
                plans.makeFirst(plan.code());
            }
            h.attach(ActivityLog.class).record(staff.user().id(), "plan.change", plan.code(),
                name + ", " + priceMinor + " " + chosenCurrency + " minor units every " + period + " months"
                    + (offered ? ", on offer" : ", not on offer") + (makeDefault ? ", the default" : ""), now);
        });
        Redirect.seeOther(response, "/newsroom/plans?done=saved");
    }

    /**
     * The price typed, in the currency's minor unit: "100", "100.00" and "100,00" are all 10000
     * cents; more decimals than the currency has, a sign, or nothing at all are refused (null).
     */
    static Long priceMinor(String typed, Currency currency) {
        String text = typed.replace(',', '.').replace(" ", "");
        if (!text.matches("[0-9]{1,7}(\\.[0-9]{1,3})?")) {
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            return null;
        }
        long minor = amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
        return minor > 0 ? minor : null;
    }

    private static BigDecimal amount(Plan plan) {
        return BigDecimal.valueOf(plan.priceMinor(), Currency.getInstance(plan.currency()).getDefaultFractionDigits());
    }

    private boolean isDefault(Plan plan) {
        return database.dao(PlanDao.class).offered().stream().findFirst().map(p -> p.code().equals(plan.code())).orElse(false);
    }

    private long othersOffered(Plan plan) {
        return database.dao(PlanDao.class).offered().stream().filter(p -> !p.code().equals(plan.code())).count();
    }

    /** null for the list itself, empty for an unknown plan. */
    private Optional<Plan> plan(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return null;
        }
        return info.matches("/[a-z0-9-]{1,40}") ? database.dao(PlanDao.class).find(info.substring(1)) : Optional.empty();
    }

    private void list(HttpServletResponse response, Staff staff, String done) throws IOException {
        PlanDao plans = database.dao(PlanDao.class);
        String first = plans.offered().stream().findFirst().map(Plan::code).orElse(null);
        List<Row> rows = plans.all().stream()
            .map(p -> new Row(p, p.code().equals(first), plans.members(p.code(), clock.instant()))).toList();
        pages.templates().send(response, HttpServletResponse.SC_OK, "newsroom/plans.jte", new PlansPage(
            pages.layout(t("newsroom.plans.title"), "/newsroom/plans", null), staff, rows, done));
    }

    private void edit(HttpServletResponse response, int status, Staff staff, Plan plan, Form form) throws IOException {
        Layout layout = pages.layout(t("newsroom.plans.change", plan.name()), "/newsroom/plans/" + plan.code(), form)
            .withCrumbs(new Layout.Crumb(t("newsroom.plans.newsroom"), "/newsroom"),
                new Layout.Crumb(t("newsroom.plans.title"), "/newsroom/plans"));
        List<Option> currencies = CURRENCIES.stream()
            .map(c -> new Option(c, c + ": " + Currency.getInstance(c).getDisplayName(dispatch.web.Languages.locale()))).toList();
        List<Option> periods = PERIODS.stream()
            .map(p -> new Option(String.valueOf(p), t("newsroom.plans.months", p))).toList();
        pages.templates().send(response, status, "newsroom/plan.jte",
            new PlanPage(layout, staff, plan, currencies, periods, form));
    }
}
