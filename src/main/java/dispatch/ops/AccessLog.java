package dispatch.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;

/**
 * One JSON line per request: time, method, path, status, bytes sent and duration. Deliberately
 * left out: query strings (a search can carry what a reader typed, a link can carry an email
 * address), cookies, the client's address and every other header, so the log holds nothing
 * personal. Written by Jackson, so a path with quotes or control characters cannot break a line.
 */
public final class AccessLog implements RequestLog {
    private static final JsonFactory JSON = new JsonFactory();
    private final Consumer<String> out;

    /** @param out where each line goes: standard output in production, a list in tests */
    public AccessLog(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void log(Request request, Response response) {
        out.accept(line(request, response));
    }

    static String line(Request request, Response response) {
        StringWriter text = new StringWriter(160);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("time", Instant.ofEpochMilli(Request.getTimeStamp(request)).toString());
            json.writeStringField("method", request.getMethod());
            json.writeStringField("path", request.getHttpURI().getPath());
            json.writeNumberField("status", response.getStatus());
            json.writeNumberField("bytes", Response.getContentBytesWritten(response));
            // To the microsecond: a page from the cache takes well under a millisecond.
            json.writeNumberField("duration_ms",
                TimeUnit.NANOSECONDS.toMicros(NanoTime.since(request.getBeginNanoTime())) / 1000.0);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
