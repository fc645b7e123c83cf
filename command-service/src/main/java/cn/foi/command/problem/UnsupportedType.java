package cn.foi.command.problem;

/** A file of a kind that is not accepted; nothing was stored (HTTP 415). */
public class UnsupportedType extends RuntimeException {
    public UnsupportedType(String message) {
        super(message);
    }
}
