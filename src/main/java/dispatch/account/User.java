package dispatch.account;

/** A member of staff. The password hash never leaves the account package. */
public record User(long id, String email, String name, String role, boolean disabled) {
    public Role roleOf() {
        return Role.of(role).orElse(Role.CONTRIBUTOR);
    }

    public boolean can(Role needed) {
        return !disabled && roleOf().atLeast(needed);
    }
}
