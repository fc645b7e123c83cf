package cn.foi.events.request;

/**
 * The applicant's identity document and contact details, given with the request (recorded in the same append as its
 * receipt). Personal data: see {@link ApplicantDetails}.
 */
public record ApplicantDetailsRecorded(String requestId, String agencyId, ApplicantDetails details) {
}
