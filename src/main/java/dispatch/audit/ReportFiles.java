package dispatch.audit;

import dispatch.web.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an audit's files into the output folder: report.html and report.json, junit.xml,
 * earl.jsonld, acr.html and acr.json. If the folder holds an earlier report.json, the new
 * report says what changed since that run.
 */
public final class ReportFiles {
    public static final List<String> FILES = List.of("report.html", "report.json", "junit.xml", "earl.jsonld",
        "acr.html", "acr.json");
    /** The folder, inside the report folder, of the pictures the checks took as evidence. */
    public static final String EVIDENCE = "evidence";
    /** The site's own colour tokens, skip link and tables, then the report's layout. */
    private static final List<String> STYLES = List.of("web/css/base.css", "web/css/skip-link.css",
        "web/css/table.css", "audit/report.css");

    private final Templates templates = new Templates();

    /**
     * @return the report with its changes since the previous run in this folder, if there was one
     * @throws AuditException when the folder cannot be written
     */
    public AuditReport write(AuditReport report, Path dir, List<Review> reviews) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("report.json");
            if (Files.isRegularFile(json)) {
                AuditReport previous = previous(json);
                if (previous != null) {
                    report = report.withChanges(Changes.between(previous, report));
                }
            }
            String css = css();
            Acr acr = Acr.of(report, reviews);
            write(dir.resolve("report.json"), Json.MAPPER.writeValueAsString(report));
            write(dir.resolve("junit.xml"), JunitXml.of(report));
            write(dir.resolve("earl.jsonld"), Json.MAPPER.writeValueAsString(Earl.of(report)));
            write(dir.resolve("acr.json"), Json.MAPPER.writeValueAsString(acr));
            pictures(report, dir);
            write(dir.resolve("report.html"), templates.render("audit/report.jte", ReportPage.of(report, css)));
            write(dir.resolve("acr.html"), templates.render("audit/acr.jte", AcrPage.of(acr, css)));
            return report;
        } catch (IOException e) {
            throw new AuditException("cannot write the report to " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Writes the pictures the checks took as evidence into evidence/, after removing the
     * pictures of an earlier run in the same folder, which its report.json no longer names.
     */
    private static void pictures(AuditReport report, Path dir) throws IOException {
        Path folder = dir.resolve(EVIDENCE);
        if (Files.isDirectory(folder)) {
            try (var old = Files.list(folder)) {
                for (Path file : old.filter(f -> f.getFileName().toString().endsWith(".png")).toList()) {
                    Files.delete(file);
                }
            }
        }
        List<Evidence.Picture> pictures = report.pages().stream()
            .flatMap(p -> java.util.stream.Stream.concat(p.problems().stream(), p.toCheck().stream()))
            .filter(p -> p.evidence() != null).flatMap(p -> p.evidence().pictures().stream())
            .filter(p -> p.png() != null).toList();
        if (!pictures.isEmpty()) {
            Files.createDirectories(folder);
        }
        for (Evidence.Picture picture : pictures) {
            Files.write(dir.resolve(picture.file()), picture.png());
        }
    }

    /** The earlier run, or null if the file is not a report this program can read. */
    private static AuditReport previous(Path json) {
        try {
            AuditReport previous = Json.MAPPER.readValue(json.toFile(), AuditReport.class);
            return previous.pages() == null || previous.started() == null ? null : previous;
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static String css() {
        StringBuilder css = new StringBuilder();
        for (String name : STYLES) {
            try (InputStream in = ReportFiles.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing stylesheet resource " + name);
                }
                css.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return css.toString();
    }
}
