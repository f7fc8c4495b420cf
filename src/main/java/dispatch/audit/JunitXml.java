package dispatch.audit;

import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * junit.xml, for CI servers: one test suite per page, one test case per check. A check fails
 * when it found problems at A, AA or best practice, and is an error when it could not run; AAA
 * problems are listed in the test case's output without failing it.
 */
final class JunitXml {

    static String of(AuditReport report) {
        List<CheckResult> all = report.pages().stream().flatMap(p -> p.checks().stream()).toList();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "Accessibility audit of " + report.site());
            xml.writeAttribute("tests", String.valueOf(all.size()));
            xml.writeAttribute("failures", String.valueOf(all.stream().filter(c -> c.status().equals("failed")).count()));
            xml.writeAttribute("errors", String.valueOf(all.stream().filter(c -> c.status().equals("error")).count()));
            xml.writeAttribute("timestamp", report.started().toString());
            xml.writeCharacters("\n");
            for (PageResult page : report.pages()) {
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", page.url());
                xml.writeAttribute("tests", String.valueOf(page.checks().size()));
                xml.writeAttribute("failures", String.valueOf(page.checks().stream().filter(c -> c.status().equals("failed")).count()));
                xml.writeAttribute("errors", String.valueOf(page.checks().stream().filter(c -> c.status().equals("error")).count()));
                xml.writeCharacters("\n");
                for (CheckResult check : page.checks()) {
                    testcase(xml, page, check);
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write junit.xml", e);
        }
        return text.toString();
    }

    private static void testcase(XMLStreamWriter xml, PageResult page, CheckResult check) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", page.url());
        xml.writeAttribute("name", check.name());
        List<Problem> failures = check.problems().stream().filter(p -> !p.aaa()).toList();
        List<Problem> aaa = check.problems().stream().filter(Problem::aaa).toList();
        if (check.status().equals("error")) {
            xml.writeStartElement("error");
            xml.writeAttribute("message", check.error());
            xml.writeEndElement();
        } else if (!failures.isEmpty()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "accessibility");
            xml.writeAttribute("message", failures.size() + (failures.size() == 1 ? " problem" : " problems") + ": "
                + failures.stream().map(Problem::rule).distinct().collect(Collectors.joining(", ")));
            xml.writeCharacters(describe(failures));
            xml.writeEndElement();
        }
        if (!aaa.isEmpty() || !check.toCheck().isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters((aaa.isEmpty() ? "" : "AAA (reported, not failing):\n" + describe(aaa))
                + (check.toCheck().isEmpty() ? "" : "For a person to check (not failing):\n" + describe(check.toCheck())));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(p -> p.rule() + " (" + p.impact() + ", " + (p.criteria().isEmpty() ? p.level()
                : "WCAG " + String.join(", ", p.criteria())) + "): " + p.summary() + "\n  at " + p.element()
                + (p.detail() == null ? "" : "\n  " + p.detail().replace("\n", "\n  ")))
            .collect(Collectors.joining("\n")) + "\n";
    }

    private JunitXml() {}
}
