package cn.foi.events.agency;

/**
 * The agency gave the next number of its receipt year's sequence to a request: one agency-year is one sequence, never
 * reused, never skipped (the request's own {@code CaseNumberAssigned} is stored in the same commit).
 */
public record CaseNumberReserved(String agencyId, int year, int sequence, String requestId, String caseNumber) {
}
