package cn.foi.events.agency;

import cn.foi.events.codes.ApplicantType;

import java.time.LocalDate;
import java.util.List;

/**
 * A calendar year was closed: its figures are frozen, and every request still open at the end of it
 * (judged by business dates) was carried forward out of {@code year} and carried over into
 * {@code year + 1}. The list is the record of that carry-forward, one entry per request.
 */
public record ReportingYearClosed(String agencyId, int year, LocalDate closedOn,
                                  List<CarriedForwardRequest> carriedForward) {

    public ReportingYearClosed {
        carriedForward = List.copyOf(carriedForward);
    }

    public record CarriedForwardRequest(String requestId, ApplicantType applicantType) {
    }
}
