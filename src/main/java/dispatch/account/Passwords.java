package dispatch.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * Password hashing with bcrypt (the at.favre.lib implementation). Passwords are checked for
 * length only: any characters, pasted or from a password manager, are welcome. A new password
 * has at least {@link #MIN_LENGTH} characters and at most {@link #MAX_BYTES} bytes in UTF-8
 * (72 letters of the English alphabet, fewer in other scripts): bcrypt reads no further, and
 * a password cut silently would be weaker than its owner thinks.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 10;
    /** bcrypt only reads the first 72 bytes; longer input is refused rather than cut silently. */
    public static final int MAX_BYTES = 72;
    private static final int COST = 12;

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    /**
     * True when the password is the one hashed. A password no new password could be (longer
     * than {@link #MAX_BYTES}, which bcrypt refuses) is simply wrong; it is still checked
     * against a hash, so that it takes as long to refuse as any other wrong password.
     */
    public static boolean matches(String password, String hash) {
        if (password.length() > MAX_BYTES || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            BCrypt.verifyer().verify(DECOY_INPUT.toCharArray(), hash);
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Why a new password cannot be used, or null when it can. */
    public static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return dispatch.web.Messages.t("password.tooShort", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return dispatch.web.Messages.t("password.tooLong", MAX_BYTES);
        }
        return null;
    }

    /**
     * A hash to check against when the email address is unknown, so that a wrong address takes
     * as long to refuse as a wrong password and does not reveal which addresses have accounts.
     */
    static final String DECOY = hash("not-a-real-password-" + System.nanoTime());
    /** What an over-long password is replaced with for the check that only takes the time. */
    private static final String DECOY_INPUT = "an over-long password is never right";

    private Passwords() {}
}
