package dispatch.article;

import java.time.LocalDate;

/** A correction to a published article, shown on it with its date. */
public record Correction(LocalDate correctedOn, String text) {}
