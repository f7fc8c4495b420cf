package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.article.ArticleSummary;
import dispatch.db.Database;
import dispatch.newsletter.Issue;
import dispatch.newsletter.IssueMail;
import dispatch.newsletter.Issues;
import dispatch.newsletter.Newsletter;
import dispatch.newsletter.NewsletterDao;
import dispatch.web.Form;
import dispatch.web.Format;
import dispatch.web.Layout;
import dispatch.web.Option;
import dispatch.web.Redirect;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * /newsroom/newsletters, for editors and administrators: the issues sent and drafted, composing
 * an issue (/new), an issue with its preview and the button that sends it (/ID, /ID/send), and
 * the e-mail exactly as it is sent (/ID/email).
 */
public final class NewsletterIssuesServlet extends HttpServlet {
    static final String PATH = "/newsroom/newsletters";
    /** How many recent articles the compose form offers. */
    static final int CHOOSABLE = 30;
    private static final Pattern ISSUE = Pattern.compile("/([1-9][0-9]{0,17})(/send|/email)?");
    /**
     * The e-mail preview is our own template with inline styles, as mail programs need; it may
     * use them, and nothing else.
     */
    private static final int SUBJECT_MAX = 200;
    private static final int INTRO_MAX = 4000;
    static final String EMAIL_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
        + "frame-ancestors 'none'";

    private final NewsroomPages pages;
    private final Database database;
    private final Issues issues;
    private final Clock clock;

    public NewsletterIssuesServlet(NewsroomPages pages, Database database, Issues issues, Clock clock) {
        this.pages = pages;
        this.database = database;
        this.issues = issues;
        this.clock = clock;
    }

    /** One newsletter and how many confirmed subscribers it has. */
    public record Audience(Newsletter newsletter, int subscribers) {}

    public record IssuesPage(Layout layout, Staff staff, List<Audience> audiences, List<Issue> issues) {}

    public record ComposePage(Layout layout, Staff staff, List<Option> newsletters, List<Option> articles, Form form) {}

    /**
     * One issue: its state, the preview, and the button to send or resume.
     *
     * @param done     what the last press of the button did, or null
     * @param form     carries the mail server's complaint when sending stopped early
     */
    public record IssuePage(Layout layout, Staff staff, Issue issue, int subscribers, IssueMail preview, String done,
                            Form form) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Staff staff = Staff.of(request).in("newsletters");
        String info = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (!staff.may(info.equals("/new") ? Permissions.Action.COMPOSE_NEWSLETTER : Permissions.Action.VIEW_NEWSLETTERS)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (info.equals("/")) {
            List<Audience> audiences = dao().all().stream().map(n -> new Audience(n, issues.subscribers(n.code()))).toList();
            pages.templates().send(response, "newsroom/newsletters.jte", new IssuesPage(
                pages.layout(t("newsroom.newslettersTitle"), PATH, null), staff, audiences, issues.all()));
            return;
        }
        if (info.equals("/new")) {
            compose(response, HttpServletResponse.SC_OK, staff, Form.empty());
            return;
        }
        Matcher m = ISSUE.matcher(info);
        Optional<Issue> issue = m.matches() && !"/send".equals(m.group(2))
            ? issues.find(Long.parseLong(m.group(1))) : Optional.empty();
        if (issue.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if ("/email".equals(m.group(2))) {
            String html = issues.previewHtml(issue.get());
            response.setHeader("Content-Security-Policy", EMAIL_CSP);
            response.setContentType("text/html;charset=utf-8");
            response.getWriter().write(html);
            return;
        }
        String done = request.getParameter("sent");
        show(response, HttpServletResponse.SC_OK, staff, issue.get(),
            done != null && done.matches("[0-9]{1,9}") ? t("newsroom.issueSent", Format.number(Long.parseLong(done))) : null,
            Form.empty());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Staff staff = Staff.of(request).in("newsletters");
        String info = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (!staff.may(info.equals("/new") ? Permissions.Action.COMPOSE_NEWSLETTER : Permissions.Action.SEND_NEWSLETTER)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (info.equals("/new")) {
            create(response, staff, Form.from(request));
            return;
        }
        Matcher m = ISSUE.matcher(info);
        Optional<Issue> issue = m.matches() && "/send".equals(m.group(2))
            ? issues.find(Long.parseLong(m.group(1))) : Optional.empty();
        if (issue.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Issues.Outcome outcome = issues.send(issue.get(), staff.user());
        if (outcome.problem() != null) {
            Issue now = issues.find(issue.get().id()).orElseThrow();
            Form form = Form.empty().error("resume", t("newsroom.sendingStopped", Format.number(outcome.sent()), outcome.problem()));
            show(response, 503, staff, now, null, form);
            return;
        }
        Redirect.seeOther(response, PATH + "/" + issue.get().id() + "?sent=" + outcome.sent());
    }

    private void create(HttpServletResponse response, Staff staff, Form form) throws IOException {
        Optional<Newsletter> newsletter = dao().find(form.value("newsletter"));
        if (newsletter.isEmpty()) {
            form.error("newsletter", t("newsroom.errorNewsletter"));
        }
        String subject = form.trimmed("subject");
        if (subject.isEmpty()) {
            form.error("subject", t("newsroom.errorSubject"));
        } else if (subject.length() > SUBJECT_MAX) {
            form.error("subject", t("newsroom.errorSubjectLong", SUBJECT_MAX));
        }
        if (form.trimmed("intro").length() > INTRO_MAX) {
            form.error("intro", t("newsroom.errorIntroLong", INTRO_MAX));
        }
        Set<String> offered = dao().recentArticles(clock.instant(), CHOOSABLE).stream()
            .map(a -> String.valueOf(a.id())).collect(Collectors.toSet());
        List<Long> chosen = new ArrayList<>();
        for (String id : form.all("articles")) {
            if (offered.contains(id)) {
                chosen.add(Long.parseLong(id));
            }
        }
        if (chosen.isEmpty()) {
            form.error("articles", t("newsroom.errorArticles"));
        }
        if (form.hasErrors()) {
            compose(response, 422, staff, form);
            return;
        }
        long id = issues.create(newsletter.get(), subject, form.trimmed("intro"), chosen, staff.user());
        Redirect.seeOther(response, PATH + "/" + id);
    }

    private void compose(HttpServletResponse response, int status, Staff staff, Form form) throws IOException {
        List<Option> newsletters = new ArrayList<>();
        newsletters.add(new Option("", t("newsroom.chooseNewsletter")));
        dao().all().forEach(n -> newsletters.add(Option.inPublicationLanguage(n.code(), n.name())));
        List<ArticleSummary> recent = dao().recentArticles(clock.instant(), CHOOSABLE);
        List<Option> articles = recent.stream()
            .map(a -> Option.inLanguage(String.valueOf(a.id()), a.headline(), a.language())).toList();
        Layout layout = pages.layout(t("newsroom.composeIssue"), PATH + "/new", form)
            .withCrumbs(new Layout.Crumb(t("newsroom.crumb"), "/newsroom"), new Layout.Crumb(t("newsroom.newslettersTitle"), PATH));
        pages.templates().send(response, status, "newsroom/newsletter-compose.jte",
            new ComposePage(layout, staff, newsletters, articles, form));
    }

    private void show(HttpServletResponse response, int status, Staff staff, Issue issue, String done, Form form)
            throws IOException {
        Layout layout = pages.layout(issue.subject(), PATH + "/" + issue.id(), form)
            .withCrumbs(new Layout.Crumb(t("newsroom.crumb"), "/newsroom"), new Layout.Crumb(t("newsroom.newslettersTitle"), PATH));
        pages.templates().send(response, status, "newsroom/newsletter-issue.jte", new IssuePage(layout, staff, issue,
            issues.subscribers(issue.newsletterCode()), issues.preview(issue), done, form));
    }

    private NewsletterDao dao() {
        return database.dao(NewsletterDao.class);
    }
}
