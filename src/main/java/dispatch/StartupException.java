package dispatch;

/** A problem at start-up that the person running Dispatch can fix; its message says how. */
public class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
