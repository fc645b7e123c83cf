package cn.foi.events.request;

/** The request's case number, the {@code sequence}-th of its agency's receipt {@code year}, as the agency's pattern printed it. */
public record CaseNumberAssigned(String requestId, String agencyId, String caseNumber, int year, int sequence) {
}
