package dispatch.newsroom;

import static dispatch.web.Messages.t;

import dispatch.account.Accounts;
import dispatch.account.Passwords;
import dispatch.account.Role;
import dispatch.account.SessionDao;
import dispatch.account.User;
import dispatch.account.UserDao;
import dispatch.activity.ActivityLog;
import dispatch.db.Database;
import dispatch.web.Form;
import dispatch.web.Layout;
import dispatch.web.Option;
import dispatch.web.Redirect;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * /newsroom/staff, for administrators: the staff list, adding someone, and changing a person's
 * role, suspending them or setting a new password. The last active administrator cannot be
 * demoted or suspended, so the newsroom can never lock itself out.
 */
public final class StaffServlet extends HttpServlet {
    /** The same limits as readers' names and addresses: they fit the users table on every engine. */
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 320;
    private final NewsroomPages pages;
    private final Database database;
    private final Accounts accounts;
    private final Clock clock;

    public StaffServlet(NewsroomPages pages, Database database, Accounts accounts, Clock clock) {
        this.pages = pages;
        this.database = database;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record StaffPage(Layout layout, Staff staff, List<User> people, List<Option> roles, Form form, String done) {}

    public record PersonPage(Layout layout, Staff staff, User person, List<Option> roles, Form form) {}

    static List<Option> roles() {
        return Role.staffRoles().stream().map(r -> new Option(r.code(), r.label() + ": " + r.description())).toList();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Staff staff = Staff.of(request).in("staff");
        if (!staff.may(Permissions.Action.MANAGE_STAFF)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Optional<User> person = person(request);
        if (person == null) {
            list(response, HttpServletResponse.SC_OK, staff, Form.empty().set("role", "contributor"),
                "saved".equals(request.getParameter("done")) ? t("newsroom.staffSaved") : null);
        } else if (person.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else {
            User p = person.get();
            edit(response, HttpServletResponse.SC_OK, staff, p,
                Form.empty().set("role", p.role()).set("disabled", p.disabled() ? "yes" : ""));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Staff staff = Staff.of(request).in("staff");
        if (!staff.may(Permissions.Action.MANAGE_STAFF)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Form form = Form.from(request);
        Optional<User> person = person(request);
        if (person == null) {
            add(response, staff, form);
        } else if (person.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else {
            change(response, staff, person.get(), form);
        }
    }

    private void add(HttpServletResponse response, Staff staff, Form form) throws IOException {
        String email = Accounts.normalise(form.value("email"));
        if (email.length() > MAX_EMAIL) {
            form.error("email", t("form.errorEmailLong", MAX_EMAIL));
        } else if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            form.error("email", t("newsroom.errorStaffEmail"));
        } else if (database.dao(UserDao.class).findByEmail(email).isPresent()) {
            form.error("email", t("newsroom.errorStaffTaken"));
        }
        if (form.trimmed("name").isEmpty()) {
            form.error("name", t("newsroom.errorStaffName"));
        } else if (form.trimmed("name").length() > MAX_NAME) {
            form.error("name", t("form.errorNameLong", MAX_NAME));
        }
        Optional<Role> role = Role.of(form.value("role")).filter(Role::isStaff);
        if (role.isEmpty()) {
            form.error("role", t("newsroom.errorRole"));
        }
        String problem = Passwords.problem(form.value("password"));
        if (problem != null) {
            form.error("password", problem);
        }
        if (form.hasErrors()) {
            form.set("password", "");
            list(response, 422, staff, form, null);
            return;
        }
        accounts.create(email, form.trimmed("name"), role.get(), form.value("password"), staff.user().id());
        Redirect.seeOther(response, "/newsroom/staff?done=saved");
    }

    private void change(HttpServletResponse response, Staff staff, User person, Form form) throws IOException {
        Optional<Role> role = Role.of(form.value("role")).filter(Role::isStaff);
        boolean disabled = form.checked("disabled");
        if (role.isEmpty()) {
            form.error("role", t("newsroom.errorRole"));
        }
        UserDao users = database.dao(UserDao.class);
        boolean losesAdmin = person.roleOf() == Role.ADMIN && !person.disabled()
            && (role.orElse(Role.ADMIN) != Role.ADMIN || disabled);
        if (losesAdmin && users.activeAdmins() <= 1) {
            form.error("role", t("newsroom.errorLastAdmin"));
        }
        String password = form.value("password");
        String problem = password.isEmpty() ? null : Passwords.problem(password);
        if (problem != null) {
            form.error("password", problem);
        }
        if (form.hasErrors()) {
            form.set("password", "");
            edit(response, 422, staff, person, form);
            return;
        }
        String hash = password.isEmpty() ? null : Passwords.hash(password);
        var now = clock.instant();
        database.jdbi().useTransaction(h -> {
            h.attach(UserDao.class).update(person.id(), role.get().code(), disabled);
            String details = "role " + role.get().code() + (disabled ? ", suspended" : "");
            if (hash != null) {
                h.attach(UserDao.class).setPassword(person.id(), hash);
                details += ", new password set";
            }
            if (disabled || hash != null) {
                h.attach(SessionDao.class).deleteAllOf(person.id()); // signs them out everywhere
            }
            h.attach(ActivityLog.class).record(staff.user().id(), "staff.change", person.email(), details, now);
        });
        Redirect.seeOther(response, "/newsroom/staff?done=saved");
    }

    /** null for the list itself, empty for an unknown person. */
    private Optional<User> person(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return null;
        }
        return info.matches("/[1-9][0-9]{0,17}")
            ? database.dao(UserDao.class).find(Long.parseLong(info.substring(1))) : Optional.empty();
    }


    private void list(HttpServletResponse response, int status, Staff staff, Form form, String done) throws IOException {
        pages.templates().send(response, status, "newsroom/staff.jte", new StaffPage(
            pages.layout(t("newsroom.staffTitle"), "/newsroom/staff", form), staff, database.dao(UserDao.class).all(), roles(), form, done));
    }

    private void edit(HttpServletResponse response, int status, Staff staff, User person, Form form) throws IOException {
        Layout layout = pages.layout(t("newsroom.changeTitle", person.name()), "/newsroom/staff/" + person.id(), form)
            .withCrumbs(new Layout.Crumb(t("newsroom.crumb"), "/newsroom"), new Layout.Crumb(t("newsroom.staffTitle"), "/newsroom/staff"));
        pages.templates().send(response, status, "newsroom/person.jte", new PersonPage(layout, staff, person, roles(), form));
    }
}
