package dispatch.account;

/** An account: a reader's or a member of staff's. The password hash never leaves the account package. */
public record User(long id, String email, String name, String role, boolean disabled) {
    public Role roleOf() {
        return Role.of(role).orElse(Role.READER);
    }

    public boolean can(Role needed) {
        return !disabled && roleOf().atLeast(needed);
    }

    public boolean isStaff() {
        return can(Role.CONTRIBUTOR);
    }
}
