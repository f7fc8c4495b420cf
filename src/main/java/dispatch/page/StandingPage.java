package dispatch.page;

import dispatch.web.Layout;

public record StandingPage(Layout layout, Page page) {}
