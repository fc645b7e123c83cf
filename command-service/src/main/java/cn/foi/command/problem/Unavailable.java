package cn.foi.command.problem;

/** A service this call needs did not answer in time; nothing was recorded (HTTP 503). */
public class Unavailable extends RuntimeException {
    public Unavailable(String message) {
        super(message);
    }
}
