package cn.foi.command.request;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.calendar.CalendarBook;
import cn.foi.command.problem.ProblemResponses;
import cn.foi.command.request.RequestController.ApplicantBody;
import cn.foi.command.request.RequestController.BatchItem;
import cn.foi.command.request.RequestController.DecisionBody;
import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.ResultCode;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import cn.foi.command.casenumber.BookedCaseNumbers;
import cn.foi.command.casenumber.CaseBook;
import cn.foi.command.casenumber.CaseNumbers;
import cn.foi.events.casenumber.CaseNumberIssued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk entry records every item as its single commands would, in one unit of work: one append for the batch, a
 * request's receipt and decision together, refused commands rolled back alone, and after a failed append each
 * item says what the store holds for it.
 */
class BatchEntryTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String AGENCY = "xixia-office";

    /** Counts the appends; can be told to fail the next one, after storing its first few aggregates' events. */
    static final class ObservedStorage extends InMemoryEventStorageEngine {
        final List<List<? extends EventMessage<?>>> appends = new ArrayList<>();
        Integer failAfterAggregates;
        /** Unreadable once an append has failed (before it, the year's case book is read). */
        boolean unreadableAfterFailedAppend;
        boolean unreadable;
        /** Reads refused. */
        int reads;

        @Override
        public org.axonframework.eventsourcing.eventstore.DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            if (unreadable) {
                reads++;
                throw new EventStoreException("the store cannot be reached");
            }
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            if (failAfterAggregates == null) {
                appends.add(List.copyOf(events));
                super.appendEvents(events);
                return;
            }
            List<EventMessage<?>> stored = new ArrayList<>();
            List<String> aggregates = new ArrayList<>();
            for (EventMessage<?> event : events) {
                String aggregate = ((DomainEventMessage<?>) event).getAggregateIdentifier();
                if (!aggregates.contains(aggregate)) {
                    aggregates.add(aggregate);
                }
                if (aggregates.size() > failAfterAggregates) {
                    break;
                }
                stored.add(event);
            }
            // stored at once, as a real store would have written them (the in-memory one waits for the commit)
            var unitOfWork = org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get();
            org.axonframework.messaging.unitofwork.CurrentUnitOfWork.clear(unitOfWork);
            try {
                super.appendEvents(stored);
            } finally {
                org.axonframework.messaging.unitofwork.CurrentUnitOfWork.set(unitOfWork);
            }
            unreadable = unreadableAfterFailedAppend;
            throw new EventStoreException("the store went away part-way through the append");
        }
    }

    private final ObservedStorage storage = new ObservedStorage();
    private Configuration axon;
    private BatchEntry batchEntry;

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                                .configureEmbeddedEventStore(c -> storage)
                                .configureAggregate(DisclosureRequest.class)
                                .configureAggregate(CaseBook.class)
                                .registerComponent(AgencyDirectory.class, c -> new FakeAgencyDirectory().with(AGENCY))
                                .registerComponent(CaseNumbers.class, c -> new BookedCaseNumbers(c.repository(CaseBook.class),
                                                                                                  c.getComponent(AgencyDirectory.class)))
                                .registerComponent(Clock.class, c -> Clock.fixed(LocalDate.of(2025, 3, 20).atStartOfDay(BEIJING).toInstant(), BEIJING))
                                .registerComponent(CalendarBook.class, c -> CalendarBook.of(WorkingDayCalendar.shipped()))
                                .buildConfiguration();
        axon.start();
        batchEntry = new BatchEntry(axon.commandGateway(), new ProblemResponses(), axon.eventStore());
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private static BatchItem receivedOn(String date, DecisionBody decision) {
        return new BatchItem(LocalDate.parse(date), Channel.LETTER, new ApplicantBody(ApplicantType.NATURAL_PERSON, "王五"),
                             "成批登记", decision);
    }

    private static DecisionBody disclosedOn(String date) {
        return new DecisionBody(ResultCode.DISCLOSED.name(), LocalDate.parse(date), null);
    }

    private List<EventMessage<?>> eventsOf(Map<String, Object> outcome) {
        List<EventMessage<?>> events = new ArrayList<>();
        axon.eventStore().readEvents((String) outcome.get("requestId")).forEachRemaining(events::add);
        return events;
    }

    @Test
    void a_batch_is_stored_in_one_append_with_each_request_receipt_and_decision_together() {
        List<Map<String, Object>> outcomes = batchEntry.record(AGENCY, List.of(
                receivedOn("2025-03-03", disclosedOn("2025-03-10")),
                receivedOn("2025-03-04", null),
                receivedOn("2025-03-05", disclosedOn("2025-03-01")), // decided before it was received
                new BatchItem(LocalDate.parse("2025-03-06"), Channel.LETTER, null, "无申请人", null),
                receivedOn("2025-03-07", disclosedOn("2025-03-12"))));

        assertThat(outcomes).extracting(o -> o.get("status")).containsExactly(201, 201, 422, 400, 201);
        // a row is all or nothing: the refused decision takes its receipt back with it
        assertThat(outcomes.get(2)).doesNotContainKey("requestId").doesNotContainKey("received");
        assertThat(outcomes.get(3)).doesNotContainKey("requestId");

        assertThat(storage.appends).hasSize(1);
        assertThat(storage.appends.get(0)).extracting(e -> (Object) e.getPayloadType()).containsExactly(
                CaseNumberIssued.class, RequestReceived.class, RequestDecided.class, CaseNumberIssued.class, RequestReceived.class,
                CaseNumberIssued.class, RequestReceived.class, RequestDecided.class);
        // the refused row gave its number back: the accepted ones are numbered without a gap
        assertThat(storage.appends.get(0)).map(EventMessage::getPayload).filteredOn(CaseNumberIssued.class::isInstance)
                                          .extracting(p -> ((CaseNumberIssued) p).caseNumber() + " " + ((CaseNumberIssued) p).requestId())
                                          .containsExactly("〔2025〕1号 " + outcomes.get(0).get("requestId"),
                                                           "〔2025〕2号 " + outcomes.get(1).get("requestId"),
                                                           "〔2025〕3号 " + outcomes.get(4).get("requestId"));
        assertThat(eventsOf(outcomes.get(0))).extracting(e -> (Object) e.getPayloadType())
                                             .containsExactly(RequestReceived.class, RequestDecided.class);
    }

    @Test
    void when_the_append_fails_no_item_claims_to_be_recorded() {
        storage.failAfterAggregates = 0;
        List<Map<String, Object>> outcomes = batchEntry.record(AGENCY, List.of(
                receivedOn("2025-03-03", disclosedOn("2025-03-10")),
                receivedOn("2025-03-05", disclosedOn("2025-03-01")),
                new BatchItem(LocalDate.parse("2025-03-06"), Channel.LETTER, null, "无申请人", null)));

        assertThat(outcomes).extracting(o -> o.get("status")).containsExactly(500, 422, 400);
        assertThat(outcomes.get(0)).doesNotContainKey("requestId");
        assertThat(outcomes.get(1)).doesNotContainKey("received");
        assertThat((String) outcomes.get(0).get("detail")).contains("未记录");
        assertThat(axon.eventStore().openStream(null).hasNextAvailable()).isFalse();
    }

    @Test
    void when_the_store_cannot_even_be_asked_each_item_gives_its_id_to_look_up_later_after_one_attempt() {
        storage.failAfterAggregates = 0;
        storage.unreadableAfterFailedAppend = true;
        List<Map<String, Object>> outcomes = batchEntry.record(AGENCY, List.of(
                receivedOn("2025-03-03", disclosedOn("2025-03-10")),
                receivedOn("2025-03-04", null),
                receivedOn("2025-03-05", null)));

        assertThat(outcomes).extracting(o -> o.get("status")).containsExactly(503, 503, 503);
        assertThat(outcomes).allSatisfy(o -> assertThat(o).containsKey("requestId"));
        assertThat((String) outcomes.get(0).get("detail")).contains("无法确认");
        assertThat(storage.reads).isEqualTo(1);
    }

    @Test
    void when_the_append_fails_part_way_the_requests_stored_before_it_stay_recorded() {
        storage.failAfterAggregates = 2; // the year's case book, then the first request
        List<Map<String, Object>> outcomes = batchEntry.record(AGENCY, List.of(
                receivedOn("2025-03-03", disclosedOn("2025-03-10")),
                receivedOn("2025-03-04", null)));

        assertThat(outcomes).extracting(o -> o.get("status")).containsExactly(201, 500);
        assertThat(eventsOf(outcomes.get(0))).extracting(e -> (Object) e.getPayloadType())
                                             .containsExactly(RequestReceived.class, RequestDecided.class);
    }
}
