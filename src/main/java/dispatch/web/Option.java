package dispatch.web;

/** One choice in a select, radio or checkbox group: the value sent and the label shown. */
public record Option(String value, String label) {}
