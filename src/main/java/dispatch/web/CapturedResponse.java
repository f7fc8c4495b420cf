package dispatch.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response held in memory while a page is rendered, so the page cache can keep it and answer
 * later readers with the same bytes. Headers and body stay here; errors and redirects, which
 * are never cached, go straight to the real response. A response that sets a cookie is
 * personal and marked so.
 */
final class CapturedResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private int status = SC_OK;
    private String contentType;
    private boolean passedOn;
    private boolean setsCookie;
    private final List<String> cookies = new ArrayList<>();
    private PrintWriter writer;
    private ServletOutputStream stream;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    /** True when the response went to the real one (an error or a redirect): nothing to send or keep. */
    boolean passedOn() {
        return passedOn;
    }

    boolean setsCookie() {
        return setsCookie;
    }

    /** The Set-Cookie headers this response sent (they went to the real response at once). */
    List<String> cookies() {
        return cookies;
    }

    @Override
    public int getStatus() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    Map<String, List<String>> headers() {
        return headers;
    }

    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        passedOn = true;
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        passedOn = true;
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        passedOn = true;
        super.sendRedirect(location);
    }

    @Override
    public void addCookie(Cookie cookie) {
        setsCookie = true;
        cookies.add(setCookie(cookie));
        super.addCookie(cookie);
    }

    /** The Set-Cookie header for a cookie, with the attributes Dispatch's cookies use. */
    static String setCookie(Cookie cookie) {
        StringBuilder header = new StringBuilder(cookie.getName()).append('=').append(cookie.getValue());
        if (cookie.getPath() != null) {
            header.append("; Path=").append(cookie.getPath());
        }
        if (cookie.getMaxAge() >= 0) {
            header.append("; Max-Age=").append(cookie.getMaxAge());
        }
        if (cookie.getSecure()) {
            header.append("; Secure");
        }
        if (cookie.isHttpOnly()) {
            header.append("; HttpOnly");
        }
        String sameSite = cookie.getAttribute("SameSite");
        if (sameSite != null) {
            header.append("; SameSite=").append(sameSite);
        }
        return header.toString();
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public void setContentType(String type) {
        contentType = type;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public void setCharacterEncoding(String charset) {
        // Every page is UTF-8 and says so in its content type.
    }

    @Override
    public void setContentLength(int len) {
        // Worked out from the bytes when the page is sent.
    }

    @Override
    public void setContentLengthLong(long len) {
        // As above.
    }

    @Override
    public void setHeader(String name, String value) {
        if (name.equalsIgnoreCase("Content-Type")) {
            setContentType(value);
            return;
        }
        headers.remove(name);
        addHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (name.equalsIgnoreCase("Set-Cookie")) {
            setsCookie = true;
            cookies.add(value);
            super.addHeader(name, value);
            return;
        }
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, String.valueOf(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, String.valueOf(value));
    }

    @Override
    public boolean containsHeader(String name) {
        return headers.containsKey(name);
    }

    @Override
    public String getHeader(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), false);
        }
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /**
                 * Non-blocking output is refused on purpose: a captured page goes into memory, and
                 * every servlet behind the page cache writes its page in one blocking pass.
                 */
                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("pages are rendered synchronously");
                }
            };
        }
        return stream;
    }

    @Override
    public void flushBuffer() {
        // Nothing is sent until the page is complete.
    }

    @Override
    public boolean isCommitted() {
        return passedOn;
    }

    @Override
    public void resetBuffer() {
        body.reset();
    }

    @Override
    public void reset() {
        body.reset();
        headers.clear();
        status = SC_OK;
        contentType = null;
    }
}
