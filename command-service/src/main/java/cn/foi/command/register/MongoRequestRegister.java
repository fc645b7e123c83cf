package cn.foi.command.register;

import cn.foi.command.config.EndOfBatch;
import cn.foi.command.config.EventStoreConfiguration;
import cn.foi.command.config.ProcessorPositions;
import cn.foi.events.codes.ApplicantType;
import cn.foi.events.request.OpenRequestImported;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The command side's own list of requests per agency, kept by a tracking processor from the event
 * store (so it can always be rebuilt from it). {@link #bookOf} first waits until the processor has
 * stored its token past every event stored so far, in whichever instance it runs: a year close never works from a
 * stale list.
 */
@Component
@ProcessingGroup(EventStoreConfiguration.REQUEST_REGISTER)
class MongoRequestRegister implements RequestRegister {

    private static final String PENDING = MongoRequestRegister.class.getName() + ".pending";

    private final MongoCollection<Document> register;
    private final EventStore eventStore;
    private final ProcessorPositions positions;
    private final Duration catchUpTimeout;

    MongoRequestRegister(MongoDatabase commandDatabase, @Lazy EventStore eventStore,
                         ProcessorPositions positions,
                         @Value("${foi.register.catch-up-timeout:PT30S}") Duration catchUpTimeout) {
        this.register = commandDatabase.getCollection("request_register");
        this.eventStore = eventStore;
        this.positions = positions;
        this.catchUpTimeout = catchUpTimeout;
    }

    @EventHandler
    void on(RequestReceived event) {
        save(event.requestId(), event.agencyId(), event.applicant().type(), event.receivedOn().getYear());
    }

    @EventHandler
    void on(OpenRequestImported event) {
        save(event.requestId(), event.agencyId(), event.applicant().type(), event.carriedOverInto());
    }

    @EventHandler
    void on(RequestDecided event) {
        decided(event.requestId(), event.decidedOn());
    }

    /** A corrected answer may fall in another year: the close counts what is open by the corrected date. */
    @EventHandler
    void on(cn.foi.events.request.DecisionCorrected event) {
        decided(event.requestId(), event.decidedOn());
    }

    /**
     * A corrected receipt may fall in another year: the close counts it from the corrected year, in the corrected
     * applicant type's column. Only a received request's first year is its year of receipt; an imported one's stays the
     * year it was carried into, which never equals its year of receipt, so the filter leaves it alone.
     */
    @EventHandler
    void on(cn.foi.events.request.ReceiptCorrected event) {
        pendingOfThisBatch().add(new UpdateOneModel<>(Filters.eq("_id", event.requestId()),
                                                      Updates.set("applicantType", event.applicantType().name())));
        pendingOfThisBatch().add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", event.requestId()),
                                                                  Filters.eq("firstYear", event.previousReceivedOn().getYear())),
                                                      Updates.set("firstYear", event.receivedOn().getYear())));
    }

    @EventHandler
    void on(cn.foi.events.request.LegacyDecisionCorrected event) {
        decided(event.requestId(), event.decidedOn());
    }

    @EventHandler
    void on(cn.foi.events.request.LegacyRequestDecided event) {
        decided(event.requestId(), event.decidedOn());
    }

    private void decided(String requestId, java.time.LocalDate decidedOn) {
        pendingOfThisBatch().add(new UpdateOneModel<>(Filters.eq("_id", requestId), Updates.set("decidedOn", decidedOn.toString())));
    }

    private void save(String requestId, String agencyId, ApplicantType type, int firstYear) {
        pendingOfThisBatch().add(new ReplaceOneModel<>(
                Filters.eq("_id", requestId),
                new Document("_id", requestId).append("agencyId", agencyId).append("applicantType", type.name())
                                              .append("firstYear", firstYear),
                new ReplaceOptions().upsert(true)));
    }

    /** The writes of the processor's current batch, written together, in order, before its token is stored. */
    private List<WriteModel<Document>> pendingOfThisBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<WriteModel<Document>> pending = unitOfWork.getResource(PENDING);
        if (pending == null) { // not getOrComputeResource: EndOfBatch adds a resource too, and a map refuses that inside its compute
            List<WriteModel<Document>> batch = new ArrayList<>();
            unitOfWork.resources().put(PENDING, batch);
            EndOfBatch.add(() -> register.bulkWrite(batch, new BulkWriteOptions().ordered(true)));
            pending = batch;
        }
        return pending;
    }

    @Override
    public AgencyBook bookOf(String agencyId) {
        awaitCaughtUp();
        List<RegisteredRequest> requests = new ArrayList<>();
        for (Document d : register.find(Filters.eq("agencyId", agencyId))) {
            String decidedOn = d.getString("decidedOn");
            requests.add(new RegisteredRequest(d.getString("_id"), ApplicantType.valueOf(d.getString("applicantType")),
                                               d.getInteger("firstYear"),
                                               decidedOn == null ? null : LocalDate.parse(decidedOn)));
        }
        return new AgencyBook(requests);
    }

    private void awaitCaughtUp() {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return;
        }
        long target = ((GlobalSequenceTrackingToken) head).getGlobalIndex();
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        while (positions.storedPosition(EventStoreConfiguration.REQUEST_REGISTER) < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The request register did not catch up with the event store in "
                                                + catchUpTimeout);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
