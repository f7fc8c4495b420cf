package dispatch;

import dispatch.mail.MailConfig;
import dispatch.membership.StripeConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything Dispatch can be told from outside, read from environment variables with defaults.
 * The README lists each variable; keep the two in step.
 *
 * @param port         DISPATCH_PORT, 8080; 0 picks a free port (tests)
 * @param bind         DISPATCH_BIND, 127.0.0.1
 * @param dataDir      DISPATCH_DATA_DIR, ./data: the SQLite database, uploaded media and the mail outbox
 * @param databaseUrl  DISPATCH_DATABASE_URL, unset: a PostgreSQL database to use instead of SQLite, as a
 *                     JDBC URL (jdbc:postgresql://HOST:PORT/NAME); null for SQLite in the data folder
 * @param databaseUser DISPATCH_DATABASE_USER, unset: the PostgreSQL user (or the URL's user= parameter)
 * @param databasePassword DISPATCH_DATABASE_PASSWORD, unset: that user's password
 * @param baseUrl      DISPATCH_BASE_URL, http://BIND:PORT: the public address, used in canonical links
 * @param siteName     DISPATCH_SITE_NAME, "Meridian East": the publication's name
 * @param loadDemo     DISPATCH_DEMO, true: fill an empty database with the demo publication
 * @param language     DISPATCH_LANGUAGE, "en": the publication's language (en, ar, tr, fa or he): the
 *                     interface's language unless a reader chooses another, and the language its
 *                     section, topic and writer names are written in
 * @param mail         DISPATCH_SMTP_* and DISPATCH_MAIL_FROM (see {@link MailConfig}); without an SMTP
 *                     host, mail is written to DATA_DIR/outbox
 * @param freeArticles         DISPATCH_FREE_ARTICLES, 3: articles a month free to readers without an account (at
 *                             most 200, what their meter cookie holds)
 * @param freeArticlesSignedIn DISPATCH_FREE_ARTICLES_SIGNED_IN, 5: articles a month free with a free account
 * @param accessLog    DISPATCH_ACCESS_LOG, true: one JSON line per request on standard output
 * @param metricsToken DISPATCH_METRICS_TOKEN, unset: with it, /metrics answers anyone who sends it
 *                     as a bearer token; without it, only direct connections from this machine
 * @param maxActive    DISPATCH_MAX_ACTIVE, 64: requests handled at once; more wait their turn
 * @param maxWaiting   DISPATCH_MAX_WAITING, 256: requests that may wait; beyond that, 503 at once
 * @param maxWait      DISPATCH_MAX_WAIT_MS, 1000: how long a request may wait before a 503
 * @param pageCacheTtl DISPATCH_PAGE_CACHE_SECONDS, 60: how long a rendered public page is kept, and
 *                     may be kept by browsers and CDNs; 0 turns the page cache off
 * @param stripe       DISPATCH_STRIPE_* (see {@link StripeConfig}); null without a Stripe key, and then
 *                     the built-in test gateway takes payments, in test mode
 * @param trustedProxies DISPATCH_TRUSTED_PROXIES, none: the addresses (comma-separated IP addresses)
 *                     of the proxies or load balancers in front of the site, whose X-Forwarded-For
 *                     and X-Forwarded-Proto are believed; from any other address those headers are
 *                     ignored
 */
public record Config(int port, String bind, Path dataDir, URI baseUrl, String siteName, boolean loadDemo,
                     String language, MailConfig mail, int freeArticles, int freeArticlesSignedIn,
                     boolean accessLog, String metricsToken, int maxActive, int maxWaiting, Duration maxWait,
                     Duration pageCacheTtl, StripeConfig stripe, String databaseUrl, String databaseUser,
                     String databasePassword, Set<String> trustedProxies) {

    public static Config fromEnvironment(Map<String, String> env) {
        int port = number(env, "DISPATCH_PORT", 8080, 0, 65535);
        String bind = env.getOrDefault("DISPATCH_BIND", "127.0.0.1");
        Path dataDir = Path.of(env.getOrDefault("DISPATCH_DATA_DIR", "data"));
        String base = env.getOrDefault("DISPATCH_BASE_URL", "http://" + bind + ":" + port);
        String name = env.getOrDefault("DISPATCH_SITE_NAME", "Meridian East");
        boolean demo = !"false".equalsIgnoreCase(env.getOrDefault("DISPATCH_DEMO", "true"));
        String language = env.getOrDefault("DISPATCH_LANGUAGE", "en");
        if (!dispatch.web.Languages.isInterfaceLanguage(language)) {
            throw new IllegalArgumentException("DISPATCH_LANGUAGE must be one of "
                + String.join(", ", dispatch.web.Languages.INTERFACE) + ", not \"" + language + "\"");
        }
        int free = number(env, "DISPATCH_FREE_ARTICLES", 3, 0, dispatch.membership.Meter.MOST_FREE);
        int freeSignedIn = number(env, "DISPATCH_FREE_ARTICLES_SIGNED_IN", 5, 0, 1_000_000);
        boolean accessLog = !"false".equalsIgnoreCase(env.getOrDefault("DISPATCH_ACCESS_LOG", "true"));
        String token = env.getOrDefault("DISPATCH_METRICS_TOKEN", "").strip();
        int maxActive = number(env, "DISPATCH_MAX_ACTIVE", 64, 1, 10_000);
        int maxWaiting = number(env, "DISPATCH_MAX_WAITING", 256, 0, 100_000);
        int maxWait = number(env, "DISPATCH_MAX_WAIT_MS", 1000, 1, 60_000);
        int pageCache = number(env, "DISPATCH_PAGE_CACHE_SECONDS", 60, 0, 86_400);
        String databaseUrl = blankToNull(env.get("DISPATCH_DATABASE_URL"));
        if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("DISPATCH_DATABASE_URL must be a PostgreSQL JDBC URL such as"
                + " jdbc:postgresql://127.0.0.1:5432/dispatch, not \"" + databaseUrl + "\" (leave it unset for SQLite)");
        }
        return new Config(port, bind, dataDir, URI.create(stripSlash(base)), name, demo, language,
            MailConfig.fromEnvironment(env, name), free, freeSignedIn, accessLog,
            token.isEmpty() ? null : token, maxActive, maxWaiting, Duration.ofMillis(maxWait),
            Duration.ofSeconds(pageCache), StripeConfig.fromEnvironment(env), databaseUrl,
            blankToNull(env.get("DISPATCH_DATABASE_USER")), blankToNull(env.get("DISPATCH_DATABASE_PASSWORD")),
            addresses(env, "DISPATCH_TRUSTED_PROXIES"));
    }

    /** The same settings with another base address; tests use it after binding port 0. */
    public Config withBaseUrl(URI url) {
        return new Config(port, bind, dataDir, url, siteName, loadDemo, language, mail, freeArticles,
            freeArticlesSignedIn, accessLog, metricsToken, maxActive, maxWaiting, maxWait, pageCacheTtl,
            stripe, databaseUrl, databaseUser, databasePassword, trustedProxies);
    }

    /** True when the site runs on PostgreSQL rather than SQLite in the data folder. */
    public boolean postgresql() {
        return databaseUrl != null;
    }

    /** The password stays out of logs and error messages that print the configuration. */
    @Override
    public String toString() {
        return "Config[port=" + port + ", bind=" + bind + ", dataDir=" + dataDir + ", baseUrl=" + baseUrl
            + ", databaseUrl=" + databaseUrl + ", siteName=" + siteName + "]";
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number from " + min + " to " + max
                + ", not \"" + value + "\"");
        }
    }

    /** IP addresses, comma-separated; names are refused, since trusting one would mean a DNS look-up per request. */
    private static Set<String> addresses(Map<String, String> env, String name) {
        String value = env.getOrDefault(name, "");
        Set<String> addresses = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String address = part.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (!dispatch.web.ClientAddress.isAddress(address)) {
                throw new IllegalArgumentException(name + " must be IP addresses separated by commas, such as"
                    + " 10.0.0.5,10.0.0.6, not \"" + value + "\"");
            }
            addresses.add(dispatch.web.ClientAddress.canonical(address));
        }
        return Set.copyOf(addresses);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
