package dispatch.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the demo publication from the classpath (src/main/resources/demo), whether the classes
 * run from a folder or from the jar. Unknown fields in the YAML are errors, so a typo in the
 * demo content fails the build's tests instead of silently dropping a field.
 */
final class DemoFiles {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
        .registerModule(new JavaTimeModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    static <T> List<T> list(String resource, TypeReference<List<T>> type) {
        try (InputStream in = open(resource)) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo file " + resource, e);
        }
    }

    static InputStream open(String resource) throws IOException {
        InputStream in = DemoFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing demo resource " + resource);
        }
        return in;
    }

    static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in a classpath folder with the given ending, sorted. */
    static List<String> names(String folder, String ending) {
        URL url = DemoFiles.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("missing demo folder " + folder);
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                }
                return names(jar.getPath(folder), ending);
            }
            return names(Path.of(uri), ending);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list demo folder " + folder, e);
        }
    }

    private static List<String> names(Path folder, String ending) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(ending)).sorted().toList();
        }
    }

    /** Splits a Markdown file into its YAML front matter and its body, and reads the front matter. */
    static <T> Document<T> document(String resource, Class<T> type) {
        String all = text(resource).replace("\r\n", "\n");
        if (!all.startsWith("---\n")) {
            throw new IllegalStateException(resource + " does not start with front matter");
        }
        int end = all.indexOf("\n---\n", 4);
        if (end < 0) {
            throw new IllegalStateException(resource + " has no end to its front matter");
        }
        try {
            T front = YAML.readValue(all.substring(4, end), type);
            return new Document<>(front, all.substring(end + 5).strip() + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("bad front matter in " + resource + ": " + e.getMessage(), e);
        }
    }

    record Document<T>(T front, String body) {}

    private DemoFiles() {}
}
