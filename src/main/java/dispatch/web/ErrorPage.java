package dispatch.web;

/** The page shown for an error status; the template words it for each status. */
public record ErrorPage(Layout layout, int status) {
    public boolean notFound() {
        return status == 404 || status == 403;
    }

    public boolean methodNotAllowed() {
        return status == 405;
    }

    public boolean serverError() {
        return status >= 500;
    }
}
