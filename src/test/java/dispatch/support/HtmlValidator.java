package dispatch.support;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Nu Html Checker (the engine behind the W3C's Nu validator), run in-process on a page's
 * HTML. It needs Jetty 9's JSON class, which the Jetty 12 serving the site does not have, so
 * it runs in a class loader of its own: the test classpath without Jetty 12, plus the two
 * Jetty 9 jars that Maven copies to target/html-checker. Setting up its schema takes a few
 * seconds, so one checker serves a whole test class.
 */
public final class HtmlValidator {
    private final Function<String, List<String>> checker;

    @SuppressWarnings("unchecked")
    public HtmlValidator() {
        try {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (!entry.contains(File.separator + "org" + File.separator + "eclipse" + File.separator + "jetty")) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            Path jetty9 = Path.of(System.getProperty("html.checker.jetty9", "target/html-checker"));
            try (Stream<Path> jars = Files.list(jetty9)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
            ClassLoader isolated = new URLClassLoader("html-checker", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
            checker = (Function<String, List<String>>) isolated.loadClass(HtmlChecker.class.getName())
                .getConstructor().newInstance();
        } catch (ReflectiveOperationException | MalformedURLException e) {
            throw new IllegalStateException("the HTML checker did not start", e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the HTML checker's Jetty 9 jars are missing: run the tests through Maven", e);
        }
    }

    /** The checker's errors for this document, each with its line and column; empty when valid. */
    public List<String> errors(String html) {
        return checker.apply(html);
    }
}
