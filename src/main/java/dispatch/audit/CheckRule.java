package dispatch.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind of problem the audit's own checks find (keyboard, reflow, text spacing), read from
 * {@code audit/checks.yaml}: the counterpart of an axe-core rule.
 */
public record CheckRule(String id, String check, String summary, String impact, List<String> criteria, String why, String fix) {
    private static final Map<String, CheckRule> ALL = load();

    public static CheckRule get(String id) {
        CheckRule rule = ALL.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("no audit check rule " + id);
        }
        return rule;
    }

    public static List<CheckRule> all() {
        return List.copyOf(ALL.values());
    }

    private static Map<String, CheckRule> load() {
        try (InputStream in = CheckRule.class.getClassLoader().getResourceAsStream("audit/checks.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing resource audit/checks.yaml");
            }
            Map<String, CheckRule> rules = new LinkedHashMap<>();
            for (CheckRule rule : new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<CheckRule>>() {})) {
                rules.put(rule.id(), rule);
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
