package cn.foi.command.problem;

/** An unknown agency or request (HTTP 404). */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
