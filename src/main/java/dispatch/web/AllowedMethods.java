package dispatch.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * Answers, for every route at once, the methods it does not serve. HttpServlet on its own
 * answers 501 to a method it does not know (PROPFIND, made-up ones) and echoes the request's
 * headers, cookies included, to TRACE; here anything a route does not serve gets 405 with an
 * Allow header naming what it does serve, and OPTIONS gets that header and no body (204).
 * What a route serves is read from its servlet: GET (and so HEAD) when it has a doGet, POST when
 * it has a doPost; the files served from disk (static files, /media) are read-only.
 */
public final class AllowedMethods extends HttpFilter {
    /** Where a servlet that refuses a method on one of its paths may put its own Allow value. */
    public static final String ATTRIBUTE = AllowedMethods.class.getName();
    private final ServletHandler servlets;
    private final Map<String, List<String>> byServlet = new ConcurrentHashMap<>();

    AllowedMethods(ServletHandler servlets) {
        this.servlets = servlets;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        List<String> allowed = allowed(request.getHttpServletMapping().getServletName());
        String allow = String.join(", ", allowed);
        String method = request.getMethod();
        if (method.equals("OPTIONS")) {
            response.setHeader("Allow", allow);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (!allowed.contains(method)) {
            request.setAttribute(ATTRIBUTE, allow);
            response.setHeader("Allow", allow);
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }

    private List<String> allowed(String servletName) {
        return byServlet.computeIfAbsent(servletName, name -> {
            ServletHolder holder = servlets.getServlet(name);
            try {
                return served(holder == null ? null : holder.getServlet());
            } catch (ServletException e) {
                throw new IllegalStateException("servlet " + name + " did not start", e);
            }
        });
    }

    /** The methods a servlet serves, in the order the Allow header lists them; OPTIONS always last. */
    static List<String> served(Servlet servlet) {
        List<String> methods = new ArrayList<>();
        if (servlet instanceof ResourceServlet || servlet == null) {
            methods.addAll(List.of("GET", "HEAD"));
        } else {
            boolean get = overrides(servlet.getClass(), "doGet");
            boolean post = overrides(servlet.getClass(), "doPost");
            // A servlet that answers every method in service() alone (the error pages) reads only.
            if (get || (!post && overrides(servlet.getClass(), "service"))) {
                methods.addAll(List.of("GET", "HEAD"));
            }
            if (post) {
                methods.add("POST");
            }
        }
        methods.add("OPTIONS");
        return List.copyOf(methods);
    }

    private static boolean overrides(Class<?> type, String method) {
        for (Class<?> c = type; c != null && c != HttpServlet.class; c = c.getSuperclass()) {
            for (var m : c.getDeclaredMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == 2
                        && m.getParameterTypes()[0] == HttpServletRequest.class) {
                    return true;
                }
            }
        }
        return false;
    }
}
