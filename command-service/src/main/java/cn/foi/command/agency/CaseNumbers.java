package cn.foi.command.agency;

/** Gives a request the next case number of its agency's receipt year (one agency-year, one sequence). */
public interface CaseNumbers {

    /** A number given: as printed, and its place in the agency-year's sequence. */
    record Given(String caseNumber, int sequence) {
    }

    /** Inside the unit of work registering the request: the number is stored with it, or not at all. */
    Given give(String agencyId, int year, String requestId);
}
