package dispatch.audit;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * Signs the audit's browser in through a site's sign-in form, as a person would: opens the
 * page, types the account into the username and password fields, submits the form, and checks
 * that it led away from the sign-in page without an error. Selenium's exceptions name the
 * command that failed with its arguments, which here are the account and the password: none of
 * their messages is passed on.
 */
final class SigningIn {
    /**
     * Finds the two fields: those named (by name or id), or else the password field (the one for
     * the current password first) and, in its form, the field for the username or email address,
     * by autocomplete, then type, then name.
     */
    private static final String FIELDS = """
        const [userName, passwordName] = arguments;
        const named = n => document.querySelector('input[name="' + CSS.escape(n) + '"]') || document.getElementById(n);
        const password = passwordName ? named(passwordName)
          : document.querySelector('input[type=password][autocomplete~="current-password"]')
            || document.querySelector('input[type=password]');
        if (!password) return {missing: 'password'};
        const scope = password.form || document;
        const user = userName ? named(userName)
          : scope.querySelector('input[autocomplete~="username"]') || scope.querySelector('input[autocomplete~="email"]')
            || scope.querySelector('input[type=email]')
            || scope.querySelector('input[name*="user" i], input[id*="user" i], input[name*="email" i], input[id*="email" i], input[name*="login" i]');
        if (!user) return {missing: 'username'};
        return {user: user, password: password};
        """;

    /** Submits the form as its submit button would, or as Enter would where it has none. */
    private static final String SUBMIT = """
        const field = arguments[0];
        const form = field.form;
        if (!form) return false;
        const button = form.querySelector('button[type=submit], button:not([type]), input[type=submit], input[type=image]');
        if (button) button.click(); else form.requestSubmit();
        return true;
        """;

    /** An error after submitting: the title GOV.UK-style forms give a page with errors, or a field marked invalid. */
    private static final String ERROR = """
        return /^\\s*error\\b/i.test(document.title) || document.querySelector('[aria-invalid="true"]') !== null;
        """;

    private SigningIn() {}

    /**
     * @return the page the sign-in led to
     * @throws SignInFailed   when the form cannot be found or filled, or signing in did not work
     * @throws AuditException when the sign-in page cannot be reached
     */
    static URI signIn(Browser browser, Access.SignIn how) {
        URI page = how.page();
        try {
            browser.open(page.toString());
        } catch (WebDriverException e) {
            throw new AuditException("cannot open the sign-in page " + page + ": " + PageChecks.oneLine(e));
        }
        URI at = here(browser);
        if (at == null) {
            throw new AuditException("cannot reach the sign-in page " + page + ": is the address right, and is the site"
                + " running?");
        }
        if (!Crawler.origin(at).equals(Crawler.origin(page))) {
            throw new SignInFailed("the sign-in page " + page + " led to " + at + ", on another origin: give --sign-in"
                + " the address of the form itself");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) browser.script(FIELDS, how.usernameField(), how.passwordField());
        if (fields.get("missing") != null) {
            boolean password = fields.get("missing").equals("password");
            String option = password ? "--password-field" : "--username-field";
            String named = password ? how.passwordField() : how.usernameField();
            throw new SignInFailed(named != null
                ? "the sign-in page " + page + " has no field named \"" + named + "\" (" + option + ")"
                : "found no " + (password ? "password" : "username or email") + " field on the sign-in page " + page
                    + ": name it with " + option);
        }
        WebElement user = (WebElement) fields.get("user");
        WebElement password = (WebElement) fields.get("password");
        try {
            type(user, how.username());
            type(password, how.password());
        } catch (WebDriverException e) {
            throw new SignInFailed("could not type into the sign-in form's fields on " + page
                + " (are they visible and enabled?)");
        }
        try {
            browser.loadsNewPage(() -> {
                if (!Boolean.TRUE.equals(browser.script(SUBMIT, password))) {
                    throw new SignInFailed("the password field on " + page + " is in no form to submit");
                }
            });
        } catch (SignInFailed e) {
            throw e;
        } catch (WebDriverException e) {
            throw new SignInFailed("submitting the sign-in form on " + page + " loaded no new page");
        }
        URI landed = here(browser);
        if (landed == null) {
            throw new AuditException("the sign-in form on " + page + " led to a page that could not be loaded");
        }
        if (samePage(landed, page) || Boolean.TRUE.equals(browser.script(ERROR))) {
            throw new SignInFailed("signing in at " + page + " did not work: the form came back"
                + (samePage(landed, page) ? "" : " with an error") + " (are DISPATCH_AUDIT_USERNAME and"
                + " DISPATCH_AUDIT_PASSWORD right?)");
        }
        return landed;
    }

    private static void type(WebElement field, String value) {
        field.clear();
        field.sendKeys(value);
    }

    /** The address of the page shown, or null when the browser shows its own error page. */
    private static URI here(Browser browser) {
        String location = browser.location();
        try {
            URI uri = new URI(location);
            return uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean samePage(URI a, URI b) {
        return Crawler.origin(a).equals(Crawler.origin(b)) && path(a).equals(path(b));
    }

    private static String path(URI uri) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }
}
