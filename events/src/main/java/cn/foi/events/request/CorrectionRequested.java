package cn.foi.events.request;

import java.time.LocalDate;
import java.util.List;

/**
 * The agency asked the applicant, once, to correct an unclear request (补正, Art. 30): what to correct
 * ({@code items}) and by when ({@code dueOn}). The answer clock stops until the correction arrives.
 */
public record CorrectionRequested(String requestId, String agencyId, LocalDate requestedOn, LocalDate dueOn,
                                  List<String> items) {

    public CorrectionRequested {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
