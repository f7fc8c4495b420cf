package dispatch.audit;

import java.util.List;

/** axe-core's scale of impact, most severe first, which the audit's own checks share. */
public final class Severity {
    public static final List<String> ORDER = List.of("critical", "serious", "moderate", "minor");

    /** 0 for critical, 3 for minor; 4 for anything unknown. */
    public static int rank(String impact) {
        int i = ORDER.indexOf(impact);
        return i < 0 ? ORDER.size() : i;
    }

    private Severity() {}
}
