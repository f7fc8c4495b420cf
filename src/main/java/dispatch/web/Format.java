package dispatch.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and numbers as readers of the interface's language expect them (Unicode CLDR's
 * conventions, through the JDK: "27 November 2026", "27 Kasım 2026", "٢٧ نوفمبر ٢٠٢٦"), and as
 * machines read them; used by the templates.
 */
public final class Format {
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private static DateTimeFormatter dateFormat() {
        Locale locale = Languages.locale();
        if (Languages.current().equals("en")) {
            return ENGLISH_DATE;
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withDecimalStyle(DecimalStyle.of(locale));
    }

    public static String date(Instant instant) {
        return dateFormat().format(instant.atZone(ZoneOffset.UTC));
    }

    public static String date(LocalDate date) {
        return dateFormat().format(date);
    }

    /** "November 2026", "Kasım 2026": a month of the archive. */
    public static String month(YearMonth month) {
        Locale locale = Languages.locale();
        return DateTimeFormatter.ofPattern("LLLL uuuu", locale).withDecimalStyle(DecimalStyle.of(locale)).format(month);
    }

    /** A year as text in the interface's digits, never grouped ("2026", "٢٠٢٦"). */
    public static String year(int year) {
        Locale locale = Languages.locale();
        return DateTimeFormatter.ofPattern("uuuu", locale).withDecimalStyle(DecimalStyle.of(locale))
            .format(LocalDate.of(year, 1, 1));
    }

    /** "26 September 2023, 06:30 UTC": times are shown in UTC and say so. */
    public static String dateTime(Instant instant) {
        Locale locale = Languages.locale();
        String time = DateTimeFormatter.ofPattern("HH:mm", locale).withDecimalStyle(DecimalStyle.of(locale))
            .format(instant.atZone(ZoneOffset.UTC));
        return Messages.t("format.dateTime", date(instant), time);
    }

    /** A count or page number in the interface's digits. */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Languages.locale()).format(n);
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
