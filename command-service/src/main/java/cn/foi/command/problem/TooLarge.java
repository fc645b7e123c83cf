package cn.foi.command.problem;

/** A body or file larger than allowed; nothing was stored (HTTP 413). */
public class TooLarge extends RuntimeException {
    public TooLarge(String message) {
        super(message);
    }
}
