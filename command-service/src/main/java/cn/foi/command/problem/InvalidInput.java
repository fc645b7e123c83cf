package cn.foi.command.problem;

/** Malformed or missing input (HTTP 400). */
public class InvalidInput extends RuntimeException {
    public InvalidInput(String message) {
        super(message);
    }
}
