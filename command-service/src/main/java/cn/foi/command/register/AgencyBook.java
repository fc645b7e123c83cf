package cn.foi.command.register;

import cn.foi.events.agency.ReportingYearClosed.CarriedForwardRequest;

import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The requests of one agency, as the year close sees them. */
public record AgencyBook(List<RegisteredRequest> requests) {

    public AgencyBook {
        requests = List.copyOf(requests);
    }

    /** The years before {@code year} in which the agency had at least one request on its books. */
    public SortedSet<Integer> yearsWithRequestsBefore(int year) {
        SortedSet<Integer> years = new TreeSet<>();
        for (RegisteredRequest request : requests) {
            int last = request.decidedOn() == null ? year - 1 : Math.min(request.decidedOn().getYear(), year - 1);
            for (int y = request.firstYear(); y <= last; y++) {
                years.add(y);
            }
        }
        return years;
    }

    public List<CarriedForwardRequest> openAtEndOf(int year) {
        return requests.stream()
                       .filter(r -> r.isOpenAtEndOf(year))
                       .sorted(Comparator.comparing(RegisteredRequest::requestId))
                       .map(r -> new CarriedForwardRequest(r.requestId(), r.applicantType()))
                       .toList();
    }
}
