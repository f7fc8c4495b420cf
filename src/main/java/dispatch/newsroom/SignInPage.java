package dispatch.newsroom;

import dispatch.web.Layout;
import dispatch.web.Form;
import java.util.List;
import java.util.Map;

/**
 * The sign-in form. {@code resumeAction} and {@code carried} hold a form the editor sent while
 * signed out (null and empty otherwise); {@code expired} says their session ran out.
 */
public record SignInPage(Layout layout, Form form, String csrf, String next, String resumeAction,
                         Map<String, List<String>> carried, boolean expired) {}
