package dispatch.article;

import java.util.Arrays;
import java.util.Optional;

/** What sort of piece an article is. Readers see the label; memos and reports are for members. */
public enum Kind {
    NEWS("news", "News"),
    ANALYSIS("analysis", "Analysis"),
    OPINION("opinion", "Opinion"),
    MEMO("memo", "Memo"),
    REPORT("report", "Report");

    private final String code;
    private final String label;

    Kind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Kind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public static String labelOf(String code) {
        return of(code).map(Kind::label).orElse(code);
    }
}
