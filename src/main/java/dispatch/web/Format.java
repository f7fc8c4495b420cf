package dispatch.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as readers see them and as machines read them; used by the templates. */
public final class Format {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    public static String date(Instant instant) {
        return DATE.format(instant.atZone(ZoneOffset.UTC));
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "26 September 2023, 06:30 UTC": times are shown in UTC and say so. */
    public static String dateTime(Instant instant) {
        return date(instant) + ", " + TIME.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public static String iso(Instant instant) {
        return instant.toString();
    }

    public static String iso(LocalDate date) {
        return date.toString();
    }

    private Format() {}
}
