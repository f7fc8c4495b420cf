package dispatch.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WCAG 2.2 success criteria, read from the data file {@code audit/wcag22.yaml}, and the
 * link from axe-core's rule tags ("wcag143") to them.
 */
public final class Wcag {
    private static final Wcag INSTANCE = load();

    private final List<Criterion> all;
    private final Map<String, Criterion> byNumber = new LinkedHashMap<>();
    private final Map<String, Criterion> byTag = new LinkedHashMap<>();

    private Wcag(List<Criterion> all) {
        this.all = List.copyOf(all);
        for (Criterion c : all) {
            byNumber.put(c.sc(), c);
            byTag.put(c.tag(), c);
        }
    }

    public static Wcag criteria() {
        return INSTANCE;
    }

    public List<Criterion> all() {
        return all;
    }

    public Optional<Criterion> find(String sc) {
        return Optional.ofNullable(byNumber.get(sc));
    }

    public Criterion get(String sc) {
        return find(sc).orElseThrow(() -> new IllegalArgumentException("no WCAG 2.2 success criterion " + sc));
    }

    /** The criteria an axe rule tests, from its tags, in WCAG order. */
    public List<Criterion> forTags(Collection<String> tags) {
        List<Criterion> found = new ArrayList<>();
        for (Criterion c : all) {
            if (tags.contains(c.tag())) {
                found.add(c);
            }
        }
        return found;
    }

    private static Wcag load() {
        try (InputStream in = Wcag.class.getClassLoader().getResourceAsStream("audit/wcag22.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing resource audit/wcag22.yaml");
            }
            return new Wcag(new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Criterion>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
