package cn.foi.command.request;

import cn.foi.command.config.ReadOnlyUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/** What a review needs to know of the request it concerns, read from the aggregate itself (cached). */
@Component
public class RequestDirectory {

    public record RequestSummary(String agencyId, LocalDate receivedOn) {
    }

    private final Repository<DisclosureRequest> requests;

    RequestDirectory(@Lazy Repository<DisclosureRequest> disclosureRequestRepository) {
        this.requests = disclosureRequestRepository;
    }

    /** Inside a command's unit of work, or on its own (then in a read-only one). */
    public Optional<RequestSummary> find(String requestId) {
        return ReadOnlyUnitOfWork.read(() -> {
            try {
                return Optional.of(requests.load(requestId)
                                           .invoke(r -> new RequestSummary(r.agencyId(), r.receivedOn())));
            } catch (AggregateNotFoundException e) {
                return Optional.empty();
            }
        });
    }
}
