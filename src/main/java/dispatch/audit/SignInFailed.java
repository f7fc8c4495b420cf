package dispatch.audit;

/**
 * The audit could not sign in with what it was given (the page, the fields, the account): a
 * mistake in what the operator gave, told before anything is audited, with the status of one.
 * The message never holds the account or the password.
 */
public final class SignInFailed extends AuditException {
    public SignInFailed(String message) {
        super(message);
    }
}
