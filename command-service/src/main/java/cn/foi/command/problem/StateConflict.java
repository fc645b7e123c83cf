package cn.foi.command.problem;

/** The current state forbids the action: already decided, year closed, duplicate id (HTTP 409). */
public class StateConflict extends RuntimeException {
    public StateConflict(String message) {
        super(message);
    }
}
