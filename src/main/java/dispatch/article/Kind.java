package dispatch.article;

import java.util.Arrays;
import java.util.Optional;

/** What sort of piece an article is. Readers see the label; memos and reports are for members. */
public enum Kind {
    NEWS("news"),
    ANALYSIS("analysis"),
    OPINION("opinion"),
    MEMO("memo"),
    REPORT("report");

    private final String code;

    Kind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The kind's name in the interface's language. */
    public String label() {
        return dispatch.web.Messages.t("kind." + code);
    }

    public static Optional<Kind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public static String labelOf(String code) {
        return of(code).map(Kind::label).orElse(code);
    }
}
