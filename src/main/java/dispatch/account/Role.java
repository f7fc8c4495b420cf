package dispatch.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a member of staff may do. Each role can do everything the ones before it can. */
public enum Role {
    CONTRIBUTOR("Contributor", "writes drafts"),
    EDITOR("Editor", "edits and publishes"),
    ADMIN("Administrator", "also manages staff");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Role> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
