package dispatch;

import dispatch.mail.MailConfig;
import dispatch.membership.StripeConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything Dispatch can be told from outside, read from environment variables with defaults.
 * The README lists each variable; keep the two in step.
 *
 * @param port      DISPATCH_PORT, 8080; 0 picks a free port (tests)
 * @param bind      DISPATCH_BIND, 127.0.0.1
 * @param dataDir   DISPATCH_DATA_DIR, ./data: the SQLite database and uploaded media
 * @param baseUrl   DISPATCH_BASE_URL, http://BIND:PORT: the public address, used in canonical links
 * @param siteName  DISPATCH_SITE_NAME, "Meridian East": the publication's name
 * @param loadDemo  DISPATCH_DEMO, true: fill an empty database with the demo publication
 * @param language  DISPATCH_LANGUAGE, "en": the publication's language (en, ar, tr, fa or he): the
 *                  interface's language unless a reader chooses another, and the language its
 *                  section, topic and writer names are written in
 * @param mail      DISPATCH_SMTP_* and DISPATCH_MAIL_FROM (see {@link MailConfig}); without an SMTP
 *                  host, mail is written to DATA_DIR/outbox
 * @param freeArticles         DISPATCH_FREE_ARTICLES, 3: articles a month free to readers without an account
 * @param freeArticlesSignedIn DISPATCH_FREE_ARTICLES_SIGNED_IN, 5: articles a month free with a free account
 * @param stripe    DISPATCH_STRIPE_* (see {@link StripeConfig}); null without a Stripe key, and then
 *                  the built-in test gateway takes payments, in test mode
 */
public record Config(int port, String bind, Path dataDir, URI baseUrl, String siteName, boolean loadDemo,
                     String language, MailConfig mail, int freeArticles, int freeArticlesSignedIn,
                     StripeConfig stripe) {

    public static Config fromEnvironment(Map<String, String> env) {
        int port = parsePort(env.getOrDefault("DISPATCH_PORT", "8080"));
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
        int free = count(env, "DISPATCH_FREE_ARTICLES", 3);
        int freeSignedIn = count(env, "DISPATCH_FREE_ARTICLES_SIGNED_IN", 5);
        return new Config(port, bind, dataDir, URI.create(stripSlash(base)), name, demo, language,
            MailConfig.fromEnvironment(env, name), free, freeSignedIn, StripeConfig.fromEnvironment(env));
    }

    /** The same settings with another port and base address; tests use it after binding port 0. */
    public Config withBaseUrl(URI url) {
        return new Config(port, bind, dataDir, url, siteName, loadDemo, language, mail, freeArticles,
            freeArticlesSignedIn, stripe);
    }

    private static int count(Map<String, String> env, String name, int fallback) {
        String value = env.getOrDefault(name, String.valueOf(fallback)).strip();
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of 0 or more, not \"" + value + "\"");
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DISPATCH_PORT must be a number from 0 to 65535, not \"" + value + "\"");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
