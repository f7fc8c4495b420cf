package dispatch.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * earl.jsonld: the results in W3C's Evaluation and Report Language (EARL 1.0) as JSON-LD, so
 * that other tools can read and merge them. Every axe rule on every page becomes an assertion
 * (failed, cantTell for results a person must check, passed, inapplicable), and so does every
 * one of the audit's own checks; failed assertions point to the elements concerned.
 */
final class Earl {

    static ObjectNode of(AuditReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode context = root.putObject("@context");
        context.put("earl", "http://www.w3.org/ns/earl#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("ptr", "http://www.w3.org/2009/pointers#");
        context.put("sch", "https://schema.org/");
        context.put("WCAG22", "https://www.w3.org/TR/WCAG22/#");
        ArrayNode graph = root.putArray("@graph");
        ObjectNode assertor = graph.addObject();
        assertor.put("@id", "_:assertor");
        assertor.putArray("@type").add("earl:Assertor").add("earl:Software");
        assertor.put("dct:title", report.tool());
        assertor.put("dct:description", "axe-core " + report.axe() + " and keyboard, reflow, text-spacing and "
            + "colour-scheme checks, run in " + report.browser());
        for (PageResult page : report.pages()) {
            for (RuleResult r : page.violations()) {
                assertion(graph, page, axeTest(r), "earl:failed", r.help(), r.nodes().stream()
                    .map(RuleResult.Element::target).toList());
            }
            for (RuleResult r : page.incomplete()) {
                assertion(graph, page, axeTest(r), "earl:cantTell", r.help() + ": a person must check "
                    + r.elements() + (r.elements() == 1 ? " element" : " elements"), r.nodes().stream()
                    .map(RuleResult.Element::target).toList());
            }
            for (RuleResult r : page.passes()) {
                assertion(graph, page, axeTest(r), "earl:passed", r.help(), List.of());
            }
            for (RuleResult r : page.inapplicable()) {
                assertion(graph, page, axeTest(r), "earl:inapplicable", r.help(), List.of());
            }
            for (CheckResult check : page.checks()) {
                if (check.check().equals("axe")) {
                    continue; // the rules above are the axe check
                }
                ObjectNode test = Json.MAPPER.createObjectNode();
                test.put("@id", "_:check-" + check.check());
                test.put("@type", "earl:TestCase");
                test.put("dct:title", check.name());
                ArrayNode parts = test.putArray("dct:isPartOf");
                check.problems().stream().flatMap(p -> p.criteria().stream()).distinct()
                    .forEach(sc -> parts.addObject().put("@id", "WCAG22:" + Wcag.criteria().get(sc).slug()));
                check.toCheck().stream().flatMap(p -> p.criteria().stream()).distinct()
                    .forEach(sc -> parts.addObject().put("@id", "WCAG22:" + Wcag.criteria().get(sc).slug()));
                // Findings the check could not settle are cantTell, never failed.
                String outcome = switch (check.status()) {
                    case "failed" -> "earl:failed";
                    case "error" -> "earl:cantTell";
                    default -> !check.problems().isEmpty() ? "earl:failed"
                        : !check.toCheck().isEmpty() ? "earl:cantTell" : "earl:passed";
                };
                List<String> lines = new java.util.ArrayList<>(check.problems().stream()
                    .map(p -> p.detail().lines().findFirst().orElse("")).toList());
                check.toCheck().forEach(p -> lines.add("for a person to check: " + p.detail().lines().findFirst().orElse("")));
                String description = check.status().equals("error") ? "could not run: " + check.error()
                    : lines.isEmpty() ? "no problems found" : String.join("\n", lines);
                // The elements these checks name are descriptions ("a \"Home\""), not selectors, so
                // they stay in the description rather than becoming CSS selector pointers.
                assertion(graph, page, test, outcome, description, List.of());
            }
        }
        return root;
    }

    private static ObjectNode axeTest(RuleResult rule) {
        ObjectNode test = Json.MAPPER.createObjectNode();
        test.put("@id", rule.helpUrl() != null ? rule.helpUrl() : "_:axe-" + rule.id());
        test.put("@type", "earl:TestCase");
        test.put("dct:title", rule.id());
        test.put("dct:description", rule.description());
        ArrayNode parts = test.putArray("dct:isPartOf");
        Wcag.criteria().forTags(rule.tags()).forEach(c -> parts.addObject().put("@id", "WCAG22:" + c.slug()));
        return test;
    }

    private static void assertion(ArrayNode graph, PageResult page, ObjectNode test, String outcome,
                                  String description, List<String> pointers) {
        ObjectNode a = graph.addObject();
        a.put("@type", "earl:Assertion");
        a.putObject("earl:assertedBy").put("@id", "_:assertor");
        ObjectNode subject = a.putObject("earl:subject");
        subject.put("@id", page.url());
        subject.putArray("@type").add("earl:TestSubject").add("sch:WebPage");
        subject.put("dct:title", page.title());
        a.set("earl:test", test);
        a.putObject("earl:mode").put("@id", "earl:automatic");
        ObjectNode result = a.putObject("earl:result");
        result.put("@type", "earl:TestResult");
        result.putObject("earl:outcome").put("@id", outcome);
        result.put("dct:description", description);
        if (!pointers.isEmpty()) {
            ArrayNode ptrs = result.putArray("earl:pointer");
            for (String p : pointers) {
                ObjectNode pointer = ptrs.addObject();
                pointer.put("@type", "ptr:CSSSelectorPointer");
                pointer.put("ptr:expression", p);
            }
        }
    }

    private Earl() {}
}
