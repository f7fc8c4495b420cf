package dispatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaginationTest {
    @Test
    void shows_first_last_and_neighbours_with_gaps_between() {
        Pagination p = Pagination.of("/sections/iran", 5, 95);
        assertEquals(10, p.total());
        assertEquals("1 … 4 5 6 … 10", String.join(" ", p.items().stream()
            .map(i -> i.gap() ? "…" : String.valueOf(i.number())).toList()));
        assertEquals("/sections/iran", p.url(1));
        assertEquals("/sections/iran?page=2", p.url(2));
        assertEquals(" (page 5 of 10)", p.titleSuffix());
    }

    @Test
    void only_plain_page_numbers_are_accepted() {
        assertEquals(Optional.of(1), Pagination.requested(null));
        assertEquals(Optional.of(12), Pagination.requested("12"));
        for (String bad : new String[] {"0", "-1", "01", "1.5", "abc", "1e3", "", "9999999"}) {
            assertTrue(Pagination.requested(bad).isEmpty(), bad);
        }
    }

    @Test
    void an_empty_list_has_one_page_and_no_pagination() {
        Pagination p = Pagination.of("/topics/water", 1, 0);
        assertTrue(p.exists());
        assertFalse(p.needed());
        assertFalse(Pagination.of("/topics/water", 2, 0).exists());
    }
}
