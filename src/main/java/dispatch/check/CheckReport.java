package dispatch.check;

import java.util.List;

/** The findings for one article as plain text, for the command line, which speaks English. */
public final class CheckReport {
    private static final int WIDTH = 88;

    /**
     * @param title what was checked, such as the article's slug or headline
     */
    public static String text(String title, List<Finding> findings) {
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.size() - errors;
        StringBuilder out = new StringBuilder(title).append('\n');
        if (findings.isEmpty()) {
            return out.append("No problems found.\n").toString();
        }
        out.append(count(errors, "error")).append(", ").append(count(warnings, "warning")).append(". ")
            .append(errors > 0 ? "Fix the errors before publishing." : "Review the warnings before publishing.")
            .append('\n');
        for (Finding f : findings) {
            out.append('\n').append(f.severity() == Severity.ERROR ? "Error" : "Warning")
                .append(" in ").append(f.field()).append(" [").append(f.code()).append("]\n");
            wrap(out, "", f.message("en"));
            wrap(out, "  Why it matters: ", f.why("en"));
            wrap(out, "  How to fix it: ", f.fix("en"));
        }
        return out.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Appends text after a label, wrapped at word breaks and indented under its first line. */
    private static void wrap(StringBuilder out, String label, String text) {
        String indent = " ".repeat(label.isEmpty() ? 2 : 4);
        StringBuilder line = new StringBuilder(label.isEmpty() ? indent : label.stripTrailing());
        for (String word : text.strip().split("\\s+")) {
            if (line.length() + 1 + word.length() > WIDTH && !line.toString().isBlank()) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
            }
            if (!line.toString().isBlank()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append('\n');
    }

    private CheckReport() {}
}
