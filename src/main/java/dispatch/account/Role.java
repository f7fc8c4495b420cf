package dispatch.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do. Readers read (and may be members); the staff roles follow, each able
 * to do everything the ones before it can.
 */
public enum Role {
    READER("Reader", "reads the publication"),
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

    /** Whether this is one of the newsroom's roles. */
    public boolean isStaff() {
        return atLeast(CONTRIBUTOR);
    }

    /** The roles an administrator can give in the newsroom. */
    public static java.util.List<Role> staffRoles() {
        return Arrays.stream(values()).filter(Role::isStaff).toList();
    }

    public static Optional<Role> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
