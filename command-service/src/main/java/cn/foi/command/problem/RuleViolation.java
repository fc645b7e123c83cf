package cn.foi.command.problem;

/** A rule of the Regulations or of the calendar is broken (HTTP 422). The message is for people. */
public class RuleViolation extends RuntimeException {
    public RuleViolation(String message) {
        super(message);
    }
}
