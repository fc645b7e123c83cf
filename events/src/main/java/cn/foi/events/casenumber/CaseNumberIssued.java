package cn.foi.events.casenumber;

/**
 * The next case number of an agency's year was given to a request at its registration: {@code sequence} counts from 1
 * per agency and year of receipt, never reused, never skipped (an event of the year's case book, stored in the same
 * append as the request's receipt). {@code caseNumber} is written with the agency's pattern of that moment.
 */
public record CaseNumberIssued(String agencyId, int year, long sequence, String caseNumber, String requestId) {
}
