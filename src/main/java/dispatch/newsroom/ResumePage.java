package dispatch.newsroom;

import dispatch.web.Layout;
import java.util.List;
import java.util.Map;

/** After signing in again: the form the editor sent while signed out, ready to send once more. */
public record ResumePage(Layout layout, Staff staff, String action, Map<String, List<String>> carried) {}
