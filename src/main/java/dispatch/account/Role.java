package dispatch.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do. Readers read (and may be members); the staff roles follow, each able
 * to do everything the ones before it can.
 */
public enum Role {
    READER, CONTRIBUTOR, EDITOR, ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role's name in the interface's language ("Editor"). */
    public String label() {
        return dispatch.web.Messages.t("role." + code());
    }

    /** What the role may do, in the interface's language ("edits and publishes"). */
    public String description() {
        return dispatch.web.Messages.t("role." + code() + ".description");
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
