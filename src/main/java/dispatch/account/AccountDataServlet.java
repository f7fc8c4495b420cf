package dispatch.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dispatch.db.Database;
import dispatch.membership.SubscriptionDao;
import dispatch.newsletter.NewsletterDao;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** /account/data: everything kept about the signed-in reader, as a JSON file to download. */
public final class AccountDataServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private final ReaderPages pages;
    private final Database database;

    public AccountDataServlet(ReaderPages pages, Database database) {
        this.pages = pages;
        this.database = database;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> signedIn = pages.signedInOrRedirect(request, response);
        if (signedIn.isEmpty()) {
            return;
        }
        User user = signedIn.get();
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("name", user.name());
        account.put("email", user.email());
        account.put("emailConfirmed", pages.readers().isVerified(user));
        account.put("createdAt", pages.readers().createdAt(user).orElse(null));
        account.put("role", user.role());
        data.put("account", account);
        data.put("readingPreferences", pages.readers().preferences(user).orElse(null));
        data.put("memberships", database.dao(SubscriptionDao.class).of(user.id()).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("plan", s.planCode());
            m.put("status", s.status());
            m.put("paidUntil", s.currentPeriodEnd());
            m.put("renews", s.renews());
            m.put("paymentService", s.gateway());
            m.put("startedAt", s.createdAt());
            return m;
        }).toList());
        data.put("newsletters", database.dao(NewsletterDao.class).recordsOf(user.id(), user.email()));
        data.put("articlesReadThisMonthAndEarlier", database.jdbi().withHandle(h -> h.createQuery(
            "SELECT month, COUNT(*) AS n FROM meter_reads WHERE reader = :r GROUP BY month ORDER BY month")
            .bind("r", "u" + user.id()).map((rs, ctx) -> Map.of("month", rs.getString("month"), "articles", rs.getInt("n")))
            .list()));
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"my-account-data.json\"");
        response.setContentType("application/json;charset=utf-8");
        JSON.writeValue(response.getWriter(), data);
    }
}
