package dispatch.newsroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article's editable fields at one moment, stored with each revision. Sections, topics,
 * writers and images are kept by slug or name, so an old revision reads well on its own.
 */
public record Snapshot(String headline, String standfirst, String kind, String section, List<String> topics,
                       List<String> authors, String dateline, String language, String access, String body,
                       String leadImage, String status, String publishedAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Snapshot fromJson(String json) {
        try {
            return JSON.readValue(json, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a revision could not be read", e);
        }
    }

    /** The short fields by their names (newsroom.detail.* in the bundles), in form order; the body is compared on its own. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", headline);
        fields.put("standfirst", standfirst);
        fields.put("kind", kind);
        fields.put("section", section);
        fields.put("topics", String.join(", ", topics));
        fields.put("writers", String.join(", ", authors));
        fields.put("dateline", dateline == null ? "" : dateline);
        fields.put("language", language);
        fields.put("access", access);
        fields.put("leadImage", leadImage == null ? "" : leadImage);
        fields.put("status", status);
        fields.put("publicationTime", publishedAt == null ? "" : publishedAt);
        return fields;
    }
}
