package dispatch.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker's engine, run on one document at a time. This class is loaded by
 * {@link HtmlValidator}'s own class loader (with Jetty 9's JSON), never directly; it speaks to
 * the tests only through {@code Function<String, List<String>>}, a JDK type both sides share.
 */
public final class HtmlChecker implements Function<String, List<String>> {
    private final SimpleDocumentValidator validator;
    private final List<String> messages = new ArrayList<>();

    public HtmlChecker() throws Exception {
        ErrorHandler collector = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Warnings are advice; only errors fail a page.
            }

            @Override
            public void error(SAXParseException e) {
                messages.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                messages.add("fatal " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        };
        validator = new SimpleDocumentValidator(false, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collector);
        validator.setUpValidatorAndParsers(collector, true, false);
    }

    @Override
    public synchronized List<String> apply(String html) {
        messages.clear();
        InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        source.setEncoding("UTF-8");
        try {
            validator.checkHtmlInputSource(source);
        } catch (Exception e) {
            messages.add("checker failed: " + e);
        }
        return List.copyOf(messages);
    }
}
