package dispatch.activity;

import java.time.Instant;

/** One entry of the activity log: who did what to what, and when. {@code userName} may be null (the system). */
public record Activity(long id, String userName, String action, String target, String details, Instant at) {}
