package dispatch.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;

/** One page of a paginated list, as section, topic and author pages show them. */
public record Listing<T>(List<T> items, Pagination pagination) {

    /**
     * The page the request asks for ({@code ?page=N}); empty when that page cannot exist,
     * which the caller answers with 404.
     *
     * @param fetch gets (limit, offset) items
     */
    public static <T> Optional<Listing<T>> of(HttpServletRequest request, String path, IntSupplier count,
                                              BiFunction<Integer, Integer, List<T>> fetch) {
        Optional<Integer> requested = Pagination.requested(request.getParameter("page"));
        if (requested.isEmpty()) {
            return Optional.empty();
        }
        Pagination pagination = Pagination.of(path, requested.get(), count.getAsInt());
        if (!pagination.exists()) {
            return Optional.empty();
        }
        return Optional.of(new Listing<>(fetch.apply(Pagination.PAGE_SIZE, pagination.offset()), pagination));
    }

    /** The canonical path of this page of the list. */
    public String path() {
        return pagination.url(pagination.current());
    }
}
