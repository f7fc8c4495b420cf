package dispatch.audit;

/** An audit that cannot run, for a reason the operator can fix; the message says what, in one line. */
public class AuditException extends RuntimeException {
    public AuditException(String message) {
        super(message);
    }
}
