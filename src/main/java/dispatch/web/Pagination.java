package dispatch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a paginated list is: page {@code current} of {@code total}, for the pagination component.
 *
 * @param path the list's URL without the page parameter
 */
public record Pagination(String path, int current, int total) {
    public static final int PAGE_SIZE = 10;

    /** A page link, or a gap ("…") between page numbers when {@code number} is 0. */
    public record Item(int number, String url, boolean current) {
        public boolean gap() {
            return number == 0;
        }
    }

    public static Pagination of(String path, int current, int totalItems) {
        int total = Math.max(1, (totalItems + PAGE_SIZE - 1) / PAGE_SIZE);
        return new Pagination(path, current, total);
    }

    /**
     * Reads the page number from the query parameter: empty when it is not a page that can
     * exist (not a number, below 1), so the caller can answer 404 rather than guess.
     */
    public static Optional<Integer> requested(String parameter) {
        if (parameter == null) {
            return Optional.of(1);
        }
        if (!parameter.matches("[1-9][0-9]{0,5}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(parameter));
    }

    public int offset() {
        return (current - 1) * PAGE_SIZE;
    }

    public boolean exists() {
        return current >= 1 && current <= total;
    }

    public boolean needed() {
        return total > 1;
    }

    public String url(int page) {
        String join = path.contains("?") ? "&" : "?";
        return page == 1 ? path : path + join + "page=" + page;
    }

    public boolean hasPrevious() {
        return current > 1;
    }

    public boolean hasNext() {
        return current < total;
    }

    /** Page numbers to show: the first, the last, and those next to the current one. */
    public List<Item> items() {
        List<Item> items = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= total; n++) {
            if (n == 1 || n == total || Math.abs(n - current) <= 1) {
                if (last != 0 && n - last > 1) {
                    items.add(new Item(0, "", false));
                }
                items.add(new Item(n, url(n), n == current));
                last = n;
            }
        }
        return items;
    }

    /** Added to page titles: " (page 2 of 4)", nothing on the first page of one. */
    public String titleSuffix() {
        return total > 1 ? Messages.t("pagination.titleSuffix", current, total) : "";
    }
}
