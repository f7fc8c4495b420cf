package dispatch.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a screen-reader user gets from a page, read from Chromium's accessibility tree (the tree
 * NVDA, JAWS, VoiceOver and Orca are given, not the DOM): landmarks, headings, links, images,
 * form controls and text, with their names, roles and levels, in reading order. It is the page as
 * an elements list or a rotor shows it, and it is what the checks below judge:
 * <ul>
 * <li>decorative characters that are spoken (a "·" between two items is read "middle dot");</li>
 * <li>the same thing announced twice (the current page in the breadcrumbs just before the h1 that
 *     says it again, the same link twice in a row);</li>
 * <li>landmarks that have no name, so "navigation" is all a listener hears of them;</li>
 * <li>headings out of order: not exactly one h1, or a level skipped on the way down.</li>
 * </ul>
 */
public final class ScreenReaderOutline {

    /** One thing that is announced: its role, its accessible name, a heading's level (0 otherwise), a link's address. */
    public record Item(String role, String name, int level, String url) {
        boolean isLandmark() {
            return LANDMARKS.contains(role);
        }

        /** How a screen reader's elements list would show it: "heading level 2 Key points". */
        public String spoken() {
            String what = switch (role) {
                case "heading" -> "heading level " + level;
                case "StaticText" -> "text";
                case "link" -> "link";
                case "image" -> "image";
                default -> role;
            };
            return name.isEmpty() ? what : what + " " + name;
        }
    }

    static final Set<String> LANDMARKS = Set.of("banner", "navigation", "main", "contentinfo", "complementary",
        "region", "search", "form");
    /** Roles whose name is what is read, so their text children are not read again. */
    private static final Set<String> NAMED_FROM_CONTENT = Set.of("link", "heading", "button", "image", "img",
        "checkbox", "radio", "menuitem", "tab", "option", "textbox", "searchbox", "combobox");
    private static final Set<String> KEPT = Set.of("heading", "link", "button", "image", "img", "textbox",
        "searchbox", "combobox", "checkbox", "radio", "StaticText", "table", "list", "figure", "LabelText");

    /**
     * A separator character standing alone between spaces (or alone in a text), which a screen
     * reader names aloud: middle dots, bullets, vertical bars. A dash is left out: in a table it
     * often means "no figure", which is worth hearing.
     */
    private static final Pattern DECORATION = Pattern.compile("(^|\\s)[\u00B7\u2022\u2027\u2219\u25E6\u25AA|\u00A6](\\s|$)");

    private final List<Item> items;

    private ScreenReaderOutline(List<Item> items) {
        this.items = List.copyOf(items);
    }

    public List<Item> items() {
        return items;
    }

    /** Reads the accessibility tree of the page the browser shows now. */
    @SuppressWarnings("unchecked")
    public static ScreenReaderOutline of(Browser browser) {
        Map<String, Object> tree = browser.driver().executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) tree.get("nodes");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        Set<String> children = new HashSet<>();
        for (Map<String, Object> node : nodes) {
            byId.put((String) node.get("nodeId"), node);
            for (Object child : (List<Object>) node.getOrDefault("childIds", List.of())) {
                children.add((String) child);
            }
        }
        List<Item> items = new ArrayList<>();
        for (Map<String, Object> node : nodes) {
            if (!children.contains((String) node.get("nodeId"))) {
                collect(node, byId, items);
            }
        }
        return new ScreenReaderOutline(items);
    }

    /** Depth first, which is reading order: a node, then its children in order. */
    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> node, Map<String, Map<String, Object>> byId, List<Item> items) {
        String role = value(node.get("role"));
        boolean ignored = Boolean.TRUE.equals(node.get("ignored"));
        if (!ignored && (KEPT.contains(role) || LANDMARKS.contains(role))) {
            String name = value(node.get("name")).strip().replaceAll("\\s+", " ");
            if (!(role.equals("StaticText") && name.isEmpty())
                    && !((role.equals("region") || role.equals("form")) && name.isEmpty())) {
                // An unnamed section or form is no landmark: screen readers do not list it.
                items.add(new Item(role, name, intProperty(node, "level"), stringProperty(node, "url")));
            }
        }
        if (!ignored && NAMED_FROM_CONTENT.contains(role)) {
            return;  // its text was read as its name
        }
        for (Object child : (List<Object>) node.getOrDefault("childIds", List.of())) {
            Map<String, Object> c = byId.get((String) child);
            if (c != null) {
                collect(c, byId, items);
            }
        }
    }

    /** Every problem a listener would meet, as sentences; empty when there is none. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        problems.addAll(decorationSpoken());
        problems.addAll(announcedTwice());
        problems.addAll(unnamedLandmarks());
        problems.addAll(headingsOutOfOrder());
        return problems;
    }

    /**
     * What the audit reports of these, each for a person to check: the tree shows what is
     * announced, not whether a listener is hindered by it. Headings and landmarks are left to
     * axe's rules (heading-order, page-has-heading-one, landmark-unique), so nothing is reported twice.
     */
    public List<KeyboardWalk.Issue> issues() {
        List<KeyboardWalk.Issue> issues = new ArrayList<>();
        decorations().forEach(f -> issues.add(KeyboardWalk.Issue.toCheck("spoken-decoration",
            f.message() + ": a person must check whether it is announced, and whether that hinders", f.item(), null)));
        repetitions().forEach(f -> issues.add(KeyboardWalk.Issue.toCheck("announced-twice",
            f.message() + ": a person must check whether a listener hears it twice", f.item(), null)));
        return issues;
    }

    /**
     * The page as a screen reader's elements list shows it: landmarks, headings, links, images
     * and controls in reading order, one line each ("heading level 2 Key points"); text between
     * them is left out.
     */
    public List<String> structure() {
        return items.stream().filter(i -> !i.role().equals("StaticText") && !i.role().equals("LabelText"))
            .map(Item::spoken).toList();
    }

    /** One thing found: the item as it is announced, and what is wrong with it. */
    private record Found(String item, String message) {}

    public List<String> decorationSpoken() {
        return decorations().stream().map(Found::message).toList();
    }

    private List<Found> decorations() {
        List<Found> found = new ArrayList<>();
        for (Item item : items) {
            if (DECORATION.matcher(item.name()).find()) {
                found.add(new Found(item.spoken(), "a decorative character is read aloud: " + item.spoken()));
            }
        }
        return found;
    }

    /**
     * The main heading's words read before it (the current page at the end of the breadcrumbs),
     * as text, and the same link, to the same address, read twice with nothing but a few words between.
     */
    public List<String> announcedTwice() {
        return repetitions().stream().map(Found::message).toList();
    }

    private List<Found> repetitions() {
        List<Found> found = new ArrayList<>();
        int h1 = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).role().equals("heading") && items.get(i).level() == 1) {
                h1 = i;
                break;
            }
        }
        if (h1 > 0) {
            String headline = items.get(h1).name();
            for (int i = Math.max(0, h1 - 12); i < h1; i++) {
                Item before = items.get(i);
                // A link may share the headline's words (a section's page is "The Gulf" in the
                // navigation, marked as the current one); text that repeats it is a second reading.
                if (before.role().equals("StaticText") && !headline.isEmpty() && before.name().equals(headline)) {
                    found.add(new Found(before.spoken(),
                        "the main heading \"" + headline + "\" is read just before it too, as " + before.spoken()));
                }
            }
        }
        // Two links alike, with no other link and no heading between them and only a few things
        // (a landmark's edge, a line of text) read in between: heard as one link said twice.
        int previous = -1;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.role().equals("heading")) {
                previous = -1;
            }
            if (!item.role().equals("link")) {
                continue;
            }
            if (previous >= 0 && i - previous <= 4 && !item.url().isEmpty()
                    && item.url().equals(items.get(previous).url()) && item.name().equals(items.get(previous).name())) {
                found.add(new Found(item.spoken() + " (" + item.url() + ")",
                    "the same link is read twice in a row: " + item.spoken() + " (" + item.url() + ")"));
            }
            previous = i;
        }
        return found;
    }

    /**
     * Landmarks a listener can only tell apart by their names: every navigation, complementary,
     * form and search region has one (banner, main and contentinfo are one each and need none).
     */
    public List<String> unnamedLandmarks() {
        List<String> found = new ArrayList<>();
        for (Item item : items) {
            if (Set.of("navigation", "complementary", "form", "search").contains(item.role()) && item.name().isEmpty()) {
                found.add("a " + item.role() + " landmark has no name");
            }
        }
        return found;
    }

    /**
     * One h1, and no level skipped on the way down. A heading above the h1 is allowed: GOV.UK's
     * error summary and notification banner are h2s placed before it, where they are read first.
     */
    public List<String> headingsOutOfOrder() {
        List<String> found = new ArrayList<>();
        List<Item> headings = items.stream().filter(i -> i.role().equals("heading")).toList();
        long h1s = headings.stream().filter(h -> h.level() == 1).count();
        if (h1s != 1) {
            found.add("the page has " + h1s + " level-1 headings, where one names the page");
        }
        for (int i = 1; i < headings.size(); i++) {
            Item previous = headings.get(i - 1);
            Item heading = headings.get(i);
            if (heading.level() > previous.level() + 1) {
                found.add("a heading level is skipped: " + heading.spoken() + " after " + previous.spoken());
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static String value(Object axValue) {
        if (axValue instanceof Map<?, ?> map && map.get("value") != null) {
            return String.valueOf(((Map<String, Object>) map).get("value"));
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    private static Object property(Map<String, Object> node, String name) {
        for (Map<String, Object> p : (List<Map<String, Object>>) node.getOrDefault("properties", List.of())) {
            if (name.equals(p.get("name"))) {
                return ((Map<String, Object>) p.get("value")).get("value");
            }
        }
        return null;
    }

    private static int intProperty(Map<String, Object> node, String name) {
        return property(node, name) instanceof Number n ? n.intValue() : 0;
    }

    private static String stringProperty(Map<String, Object> node, String name) {
        Object value = property(node, name);
        return value == null ? "" : value.toString();
    }
}
