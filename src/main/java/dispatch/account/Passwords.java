package dispatch.account;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * Password hashing with bcrypt (the at.favre.lib implementation). Passwords are checked for
 * length only: any characters, pasted or from a password manager, are welcome.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 10;
    /** bcrypt only reads the first 72 bytes; longer input is refused rather than cut silently. */
    public static final int MAX_BYTES = 72;
    private static final int COST = 12;

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Why a new password cannot be used, or null when it can. */
    public static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return dispatch.web.Messages.t("password.tooShort", MIN_LENGTH);
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return dispatch.web.Messages.t("password.tooLong", MAX_BYTES);
        }
        return null;
    }

    /**
     * A hash to check against when the email address is unknown, so that a wrong address takes
     * as long to refuse as a wrong password and does not reveal which addresses have accounts.
     */
    static final String DECOY = hash("not-a-real-password-" + System.nanoTime());

    private Passwords() {}
}
