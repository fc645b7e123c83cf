package cn.foi.command.casenumber;

/** Gives a request the next case number of its agency and year of receipt, inside the caller's unit of work. */
public interface CaseNumbers {

    String issue(String agencyId, int year, String requestId);
}
