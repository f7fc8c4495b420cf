package dispatch.web;

import jakarta.servlet.http.HttpServletResponse;

/** The answer to a form that succeeded: 303 See Other, so that reloading the next page never sends the form again. */
public final class Redirect {
    public static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    private Redirect() {}
}
