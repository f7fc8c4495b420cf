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

    /** The short fields by their labels, in form order; the body is compared on its own. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Headline", headline);
        fields.put("Standfirst", standfirst);
        fields.put("Kind", kind);
        fields.put("Section", section);
        fields.put("Topics", String.join(", ", topics));
        fields.put("Writers", String.join(", ", authors));
        fields.put("Dateline", dateline == null ? "" : dateline);
        fields.put("Language", language);
        fields.put("Access", access);
        fields.put("Lead image", leadImage == null ? "" : leadImage);
        fields.put("Status", status);
        fields.put("Publication time", publishedAt == null ? "" : publishedAt);
        return fields;
    }
}
