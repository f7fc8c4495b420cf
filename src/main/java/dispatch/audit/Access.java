package dispatch.audit;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the audit takes to reach pages behind a sign-in: cookies and headers sent with every
 * request to the audited origin (and to no other), and a sign-in form to fill. The values are
 * secrets: every {@code toString} here names the cookies and headers without their values, and
 * the sign-in without its account, so that neither can reach a log, an error line or a report.
 *
 * @param signIn null when the audit does not sign in
 */
public record Access(List<Cookie> cookies, List<Header> headers, SignIn signIn) {
    public static final Access NONE = new Access(List.of(), List.of(), null);

    /** RFC 9110's token: the characters of a header's or a cookie's name. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** RFC 6265's cookie-octet, optionally in double quotes. */
    private static final Pattern COOKIE_VALUE = Pattern.compile("\"?[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]*\"?");
    /** Headers the browser and the HTTP client set themselves, framing the request: not the operator's to send. */
    private static final Set<String> NOT_SENT = Set.of("host", "connection", "content-length", "transfer-encoding",
        "expect", "upgrade", "keep-alive", "te", "trailer", "proxy-authorization", "proxy-connection");

    public Access {
        cookies = List.copyOf(cookies);
        headers = List.copyOf(headers);
    }

    /** Whether the audit carries anything that may stand for a session, which a sign-out link would end. */
    public boolean signedIn() {
        return signIn != null || !cookies.isEmpty() || !headers.isEmpty();
    }

    @Override
    public String toString() {
        return "Access" + cookies + headers + (signIn == null ? "" : "[" + signIn + "]");
    }

    /** A cookie the operator gives, as {@code NAME=VALUE}. */
    public record Cookie(String name, String value) {
        /**
         * @throws IllegalArgumentException saying what is wrong without repeating the value, which
         *                                  may be a session's secret
         */
        public static Cookie parse(String typed) {
            int equals = typed.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("must be NAME=VALUE (what was typed is not repeated here)");
            }
            String name = typed.substring(0, equals).strip();
            String value = typed.substring(equals + 1).strip();
            if (!TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("must be NAME=VALUE, and what comes before \"=\" is not a cookie's name"
                    + (name.isEmpty() ? "" : " (letters, digits and !#$%&'*+-.^_`|~ only)"));
            }
            if (!COOKIE_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException(name + ": a cookie's value may not hold a space, a comma, a"
                    + " semicolon, a backslash, a quotation mark or a control character");
            }
            return new Cookie(name, value);
        }

        @Override
        public String toString() {
            return "cookie " + name;
        }
    }

    /** A header the operator gives, as {@code Name: value}. */
    public record Header(String name, String value) {
        /** @throws IllegalArgumentException saying what is wrong without repeating the value */
        public static Header parse(String typed) {
            int colon = typed.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("must be \"Name: value\" (what was typed is not repeated here)");
            }
            String name = typed.substring(0, colon).strip();
            String value = typed.substring(colon + 1).strip();
            if (!TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("must be \"Name: value\", and what comes before \":\" is not a header's"
                    + " name" + (name.isEmpty() ? "" : " (letters, digits and !#$%&'*+-.^_`|~ only)"));
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                throw new IllegalArgumentException("Cookie: give each cookie with --cookie NAME=VALUE");
            }
            if (NOT_SENT.contains(lower)) {
                throw new IllegalArgumentException(name + ": the browser sets this header itself");
            }
            if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F)) {
                throw new IllegalArgumentException(name + ": a header's value may not hold a line break or a control"
                    + " character");
            }
            return new Header(name, value);
        }

        @Override
        public String toString() {
            return "header " + name;
        }
    }

    /**
     * A sign-in form: where it is, which fields to fill (null: found by their type and
     * autocomplete), and the account, which comes from the environment, never the command line.
     */
    public record SignIn(URI page, String usernameField, String passwordField, String username, String password) {
        @Override
        public String toString() {
            return "sign-in at " + page;
        }
    }
}
