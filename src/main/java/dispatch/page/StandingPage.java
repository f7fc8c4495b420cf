package dispatch.page;

import dispatch.audit.AuditSummary;
import dispatch.web.Layout;

/**
 * A standing page.
 *
 * @param audit the latest recorded audit, on the accessibility statement; null elsewhere or before any audit
 * @param csrf  the token for the form to report a problem, on the accessibility statement; null elsewhere
 */
public record StandingPage(Layout layout, Page page, AuditSummary audit, String csrf) {}
