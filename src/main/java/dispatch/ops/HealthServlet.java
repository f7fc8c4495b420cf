package dispatch.ops;

import dispatch.db.Database;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * /healthz and /readyz, for load balancers and process supervisors. /healthz says the process
 * is alive and answering HTTP (restart it if not); /readyz says it can serve readers: the
 * database answers and every migration is applied (send it no traffic until then). Plain text,
 * never cached.
 */
public final class HealthServlet extends HttpServlet {
    private final Database database;

    public HealthServlet(Database database) {
        this.database = database;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean readiness = "/readyz".equals(request.getServletPath());
        boolean ok = !readiness || database.ready();
        response.setStatus(ok ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("text/plain;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        if (!ok) {
            response.setHeader("Retry-After", "5");
        }
        response.getWriter().write(readiness
            ? (ok ? "ready\n" : "not ready: the database is unreachable or has migrations to apply\n")
            : "ok\n");
    }
}
