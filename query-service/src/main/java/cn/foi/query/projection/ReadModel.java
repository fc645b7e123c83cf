package cn.foi.query.projection;

import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.ProactiveDisclosureRecorded;
import cn.foi.events.agency.ReportingYearClosed;
import cn.foi.events.review.ReviewConcluded;
import cn.foi.events.review.ReviewFiled;
import cn.foi.events.casenumber.CaseNumberIssued;
import cn.foi.events.published.EventTypes;
import cn.foi.events.published.PublishedEvent;
import cn.foi.events.calendar.HolidayArrangementPublished;
import cn.foi.query.view.AgencyFold;
import cn.foi.query.view.AgencyView;
import cn.foi.query.view.CalendarFold;
import cn.foi.query.view.CalendarView;
import cn.foi.query.view.HistoryEntry;
import cn.foi.query.view.RequestFold;
import cn.foi.query.view.RequestView;
import cn.foi.query.view.ReviewFold;
import cn.foi.query.view.ReviewView;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The query side's persisted read model: one document per agency and per request, each with the
 * sequence number of the last event applied to it. An event is applied only if its sequence number is
 * higher, so a redelivered event never counts twice, whatever Kafka does. A batch of events is applied
 * to the documents in memory; they are written back in bulk when the consumer flushes ({@link WriteBehind}).
 */
public class ReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);

    private final MongoCollection<Document> agencies;
    private final MongoCollection<Document> requests;
    private final MongoCollection<Document> reviews;
    private final MongoCollection<Document> calendar;
    private final ObjectMapper objectMapper;
    private final Ledger ledger;
    private final WriteBehind<AgencyView> agencyViews;
    private final WriteBehind<RequestView> requestViews;
    private final WriteBehind<ReviewView> reviewViews;
    private final WriteBehind<CalendarView> calendarViews;
    /**
     * All four, requests first: a request's history entry from a review or a year close must land before the
     * review's or the agency's lastSeq, which decides whether a replay brings that event again. For the same reason
     * a rebuild's writes before its end hold back every review, agency and calendar (few) as well as the requests
     * not yet answered: a review or a year close must never be stored while a request it belongs to is held, or a
     * rebuild replayed after a stop would skip the event and the request would lose its entry.
     */
    private final List<WriteBehind<?>> inWriteOrder;
    private long eventsSinceFlush;
    /**
     * Events no view keeps (user administration, a type this build does not know), by global index: stored at once (they
     * are rare), so that after a restart they still count as applied and the applied prefix has no holes.
     */
    private final MongoCollection<Document> withoutView;
    /** Every global index applied so far, whatever it changed (a duplicate, an unknown type): see {@link #applied()}. */
    private final AppliedPositions applied = new AppliedPositions();
    /** Writes the documents flushed while the consumer goes on with the next events. */
    private static final java.util.concurrent.Executor WRITER = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-writer");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code cachedDocuments}: how many request documents stay in memory between flushes. */
    public ReadModel(MongoDatabase database, ObjectMapper objectMapper, Ledger ledger, int cachedDocuments) {
        this.agencies = database.getCollection("agencies");
        this.requests = database.getCollection("requests");
        this.reviews = database.getCollection("reviews");
        this.calendar = database.getCollection("calendar");
        this.withoutView = database.getCollection("events_without_view");
        // The topic's records are written by the command service: duplicate keys are not a risk there, and checking
        // for them (as the API's input is checked) was a twentieth of a rebuild.
        this.objectMapper = objectMapper.copy().disable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.ledger = ledger;
        this.agencyViews = new WriteBehind<>(agencies, 10_000, AgencyDocuments::decode, WriteBehind.bson(AgencyDocuments::encode),
                                            RequestDocuments::datesAsText, agency -> false);
        this.requestViews = new WriteBehind<>(requests, cachedDocuments, RequestDocuments::decode, RequestDocuments::encode,
                                             RequestDocuments::datesAsText, request -> request.decision() != null);
        this.reviewViews = new WriteBehind<>(reviews, Math.max(1_000, cachedDocuments / 10), ReviewDocuments::decode,
                                             WriteBehind.bson(ReviewDocuments::encode), ReviewDocuments::datesAsText, review -> false);
        this.calendarViews = new WriteBehind<>(calendar, 100, CalendarDocuments::decode, WriteBehind.bson(CalendarDocuments::encode),
                                              RequestDocuments::datesAsText, notices -> false);
        this.inWriteOrder = List.of(requestViews, reviewViews, agencyViews, calendarViews);
    }

    /**
     * Takes every document changed since the last flush and starts writing it on the writer thread; the
     * future completes when it is written. Until then the changes are only in memory (and in the ledger): the
     * consumer commits the offsets they cover only after that, so a stop in between replays them. One
     * flush at a time: the caller waits for a flush before starting the next.
     */
    public CompletableFuture<Void> flushAsync() {
        return flushAsync(false);
    }

    /**
     * With {@code holdUnanswered} (a rebuild before its end), requests not yet answered stay in memory unwritten:
     * their answer usually comes later in the same rebuild, and each is then inserted once, answered, instead of
     * inserted and replaced. Reviews, agencies and the calendar are held too, until the end (see
     * {@link #inWriteOrder}). What is held is not written, so the offsets of such a flush must not be committed.
     */
    public CompletableFuture<Void> flushAsync(boolean holdUnanswered) {
        List<Runnable> writes = inWriteOrder.stream().map(views -> views.takeChanges(holdUnanswered)).toList();
        eventsSinceFlush = 0;
        long covered = holdUnanswered ? -1 : applied.contiguousEnd();
        return CompletableFuture.runAsync(() -> writes.forEach(Runnable::run), WRITER).thenRun(() -> {
            if (covered > storedEnd) {
                storedEnd = covered;
            }
        });
    }

    /** Every event below this global index is in the stored documents, not only in memory. */
    private volatile long storedEnd;

    /**
     * The end of the prefix of the log the stored documents hold: what is read from them (a request's view, a report's
     * paragraph) includes every event below it, as the tables do once {@link #applied()} passed it.
     */
    public long storedEnd() {
        return storedEnd;
    }

    /** The published holiday notices as last applied (null: none applied since start or since the drop). */
    private volatile CalendarView appliedCalendarNotices;

    /** Events applied since the last flush. */
    public long unflushedEvents() {
        return eventsSinceFlush;
    }

    /** Documents inserted and replaced by writes that landed, and read back, since the last {@link #clear()}. */
    WriteBehind.Counts documentCounts() {
        return inWriteOrder.stream().map(WriteBehind::counts).reduce(new WriteBehind.Counts(0, 0, 0), WriteBehind.Counts::plus);
    }

    /** After a failed batch: forget what was not flushed; the consumer replays it from its committed offsets. */
    public void forgetUnflushed() {
        inWriteOrder.forEach(WriteBehind::forget);
        eventsSinceFlush = 0;
    }

    /** Rebuilds the in-memory ledger from the persisted documents (at start-up). */
    public void loadLedger() {
        ledger.clear();
        applied.clear();
        storedEnd = 0;
        agencyViews.readAll(agency -> {
            putAgencyInLedger(agency);
            agency.history().forEach(entry -> applied.add(entry.globalIndex()));
        });
        requestViews.readAll(request -> {
            // not received: only a carry-forward note so far; its receipt has not arrived yet
            if (request.isReceived()) {
                ledger.putRequest(request.receipt().agencyId(), RequestFacts.of(request));
            }
            request.history().forEach(entry -> applied.add(entry.globalIndex()));
        });
        reviewViews.readAll(review -> { // a review's events are in its request's history, which says they are applied
            if (review.isFiled()) {
                ledger.putReview(review.agencyId(), ReviewFacts.of(review));
            }
        });
        calendarViews.readAll(notices -> {
            putCalendarInLedger(notices);
            notices.history().forEach(entry -> applied.add(entry.globalIndex()));
        });
        withoutView.find().forEach(seen -> applied.add(((Number) seen.get("_id")).longValue()));
        storedEnd = applied.contiguousEnd(); // read from the documents: stored by definition
    }

    /**
     * An event counts as applied if the document it belongs to holds it: applied now, or before (a duplicate). One
     * that arrives after later events of its aggregate (lost, then published again) is not applied by the sequence
     * check and must not pass for applied: its index stays missing, and the completeness check names it.
     */
    private void noteHeld(PublishedEvent event, boolean held) {
        if (held) {
            applied.add(event.globalIndex());
        } else {
            // Only a topic that lost an acknowledged record and kept later ones of its partition does this (a power
            // cut of an unsynced broker): the completeness check keeps naming the event until it is projected in order.
            log.error("Event {} ({} #{} of {}) arrived after later events of its aggregate and was not applied; "
                      + "it stays missing from the projection", event.globalIndex(), event.type(), event.sequenceNumber(),
                      event.aggregateId());
        }
    }

    /** The global indexes of the events applied (in memory: what the tables count now). */
    public AppliedPositions applied() {
        return applied;
    }

    /** The national calendar's notices as published (one document: its stream). */
    public Optional<CalendarView> calendarNotices() {
        CalendarView applied = appliedCalendarNotices;
        return applied != null ? Optional.of(applied) : Optional.ofNullable(calendar.find().first()).map(CalendarDocuments::decode);
    }

    /** Drops every projected document (before a rebuild from offset 0). */
    public void clear() {
        appliedCalendarNotices = null;
        agencies.drop();
        requests.drop();
        reviews.drop();
        calendar.drop();
        withoutView.drop();
        inWriteOrder.forEach(WriteBehind::dropped);
        eventsSinceFlush = 0;
        ledger.clear();
        applied.clear();
    }

    /** A request's view; empty for an unknown id (a view holding only a carry-forward note is not received yet). */
    public Optional<RequestView> request(String requestId) {
        return Optional.ofNullable(requests.find(Filters.eq("_id", requestId)).first()).map(RequestDocuments::decode);
    }

    public Optional<ReviewView> review(String reviewId) {
        return Optional.ofNullable(reviews.find(Filters.eq("_id", reviewId)).first()).map(ReviewDocuments::decode);
    }

    /** The request documents with these ids, by id (one exact-key query). */
    public Map<String, RequestView> requests(Set<String> requestIds) {
        Map<String, RequestView> views = new HashMap<>();
        load(requests, requestIds).forEach((id, doc) -> views.put(id, RequestDocuments.decode(doc)));
        return views;
    }

    /**
     * The applications one applicant made to one agency in one calendar month, in the order they were
     * received (date of receipt, then the order they were recorded).
     */
    public List<RequestView> applicationsInMonth(String agencyId, String applicantName, java.time.YearMonth month) {
        List<RequestView> found = new ArrayList<>();
        requests.find(Filters.and(Filters.eq("agencyId", agencyId), Filters.eq("applicantName", applicantName),
                                  Filters.gte("receivedOn", StoredDates.of(month.atDay(1))),
                                  Filters.lte("receivedOn", StoredDates.of(month.atEndOfMonth()))))
                .forEach(doc -> found.add(RequestDocuments.decode(doc)));
        found.sort(java.util.Comparator.<RequestView, LocalDate>comparing(r -> r.receipt().receivedOn())
                                       .thenComparingLong(ReadModel::firstRecorded));
        return found;
    }

    private static long firstRecorded(RequestView request) {
        return request.history().stream().mapToLong(HistoryEntry::globalIndex).min().orElse(Long.MAX_VALUE);
    }

    /**
     * The reviews (reconsiderations, lawsuits) of one request, in the order they were filed. Their ids come
     * from the request's own history, so this is an exact-key lookup: a query by {@code requestId} would scan
     * the whole collection on the embedded store, which keeps no secondary indexes.
     */
    public List<ReviewView> reviewsOf(RequestView request) {
        Set<String> reviewIds = new LinkedHashSet<>();
        boolean unnamed = false;
        for (HistoryEntry entry : request.history()) {
            if (EventTypes.nameOf(ReviewFiled.class).equals(entry.type())) {
                unnamed |= entry.aggregateId() == null;
                reviewIds.add(entry.aggregateId());
            }
        }
        List<ReviewView> found = new ArrayList<>();
        if (unnamed) { // projected before history entries named their aggregate: the slow way
            reviews.find(Filters.eq("requestId", request.requestId())).forEach(doc -> found.add(ReviewDocuments.decode(doc)));
        } else if (!reviewIds.isEmpty()) {
            load(reviews, reviewIds).values().forEach(doc -> found.add(ReviewDocuments.decode(doc)));
        }
        found.removeIf(review -> !review.isFiled());
        found.sort(java.util.Comparator.comparing(ReviewView::filedOn));
        return found;
    }

    /** Every registered agency, by id. */
    public List<AgencyView> allAgencies() {
        List<AgencyView> all = new ArrayList<>();
        agencies.find(Filters.ne("name", null)).sort(com.mongodb.client.model.Sorts.ascending("_id"))
                .forEach(doc -> all.add(AgencyDocuments.decode(doc)));
        return all;
    }

    /** An agency's requests received within the dates given (either may be null). */
    public List<RequestView> requestsOf(String agencyId, java.time.LocalDate receivedFrom, java.time.LocalDate receivedTo) {
        List<org.bson.conversions.Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("agencyId", agencyId));
        if (receivedFrom != null) {
            filters.add(Filters.gte("receivedOn", StoredDates.of(receivedFrom)));
        }
        if (receivedTo != null) {
            filters.add(Filters.lte("receivedOn", StoredDates.of(receivedTo)));
        }
        List<RequestView> found = new ArrayList<>();
        requests.find(Filters.and(filters)).forEach(doc -> found.add(RequestDocuments.decode(doc)));
        return found;
    }

    /** A registered agency's view; empty for an unknown id. */
    public Optional<AgencyView> agency(String agencyId) {
        return Optional.ofNullable(agencies.find(Filters.eq("_id", agencyId)).first()).map(AgencyDocuments::decode)
                       .filter(AgencyView::isRegistered);
    }

    /**
     * An event as read from the topic, with its payload as the published record (null: a type unknown here). The
     * envelope's {@code payload} tree is only kept when the record named its type after the payload.
     */
    public record Decoded(PublishedEvent event, Object payload, java.time.Instant recordedAt) {
        public Decoded(PublishedEvent event, Object payload) {
            this(event, payload, HistoryEntry.recordedAt(event));
        }
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> META_DATA =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };

    /**
     * Reads one record of the topic; thread-safe, so the consumer decodes a batch on both cores. The payload is
     * read straight into its event record when its type came first (as the command service writes it), instead of
     * into a JSON tree that is then converted: a third of the decoding work of a rebuild.
     */
    public Decoded decode(byte[] json) throws java.io.IOException {
        return decode(json, null);
    }

    /** {@code recordedAt}: when the event was recorded as its record's header says; null: read from its timestamp. */
    public Decoded decode(byte[] json, java.time.Instant recordedAt) throws java.io.IOException {
        try (com.fasterxml.jackson.core.JsonParser parser = objectMapper.createParser(json)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "an event record must be a JSON object");
            }
            long globalIndex = 0;
            long sequenceNumber = 0;
            String eventId = null;
            String aggregateType = null;
            String aggregateId = null;
            String type = null;
            String revision = null;
            String timestamp = null;
            Map<String, Object> metaData = null;
            com.fasterxml.jackson.databind.JsonNode payloadTree = null;
            Object payload = null;
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
                boolean isNull = value == com.fasterxml.jackson.core.JsonToken.VALUE_NULL;
                switch (field) {
                    case "globalIndex" -> globalIndex = parser.getLongValue();
                    case "sequenceNumber" -> sequenceNumber = parser.getLongValue();
                    case "eventId" -> eventId = parser.getValueAsString();
                    case "aggregateType" -> aggregateType = parser.getValueAsString();
                    case "aggregateId" -> aggregateId = parser.getValueAsString();
                    case "type" -> type = parser.getValueAsString();
                    case "revision" -> revision = parser.getValueAsString();
                    case "timestamp" -> timestamp = parser.getValueAsString();
                    case "metaData" -> metaData = isNull ? null : objectMapper.readValue(parser, META_DATA);
                    case "payload" -> {
                        if (isNull) {
                            payload = null;
                        } else if (type != null) {
                            payload = readPayload(globalIndex, type, parser);
                        } else { // its type comes after it: kept as a tree until then
                            payloadTree = objectMapper.readTree(parser);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (payloadTree != null) {
                if (type == null) {
                    throw new IllegalStateException("Cannot read event " + globalIndex + ": it has a payload but no type");
                }
                try (com.fasterxml.jackson.core.JsonParser tree = payloadTree.traverse(objectMapper)) {
                    payload = readPayload(globalIndex, type, tree);
                }
            }
            PublishedEvent event = new PublishedEvent(globalIndex, eventId, aggregateType, aggregateId, sequenceNumber,
                                                      type, revision, timestamp, metaData, payloadTree);
            return recordedAt != null ? new Decoded(event, payload, recordedAt)
                                      : new Decoded(event, payload); // when it was recorded read here, on both cores
        }
    }

    private Object readPayload(long globalIndex, String type, com.fasterxml.jackson.core.JsonParser parser) throws java.io.IOException {
        Optional<Class<?>> eventClass = EventTypes.byName(type);
        if (eventClass.isEmpty()) {
            if (!EventTypes.isAdministrative(type)) {
                log.warn("Skipping event {} of unknown type {}", globalIndex, type);
            }
            parser.skipChildren();
            return null;
        }
        try {
            return objectMapper.readValue(parser, eventClass.get());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot read event " + globalIndex + " of type " + type, e);
        }
    }

    public void apply(List<Decoded> decoded) {
        Set<String> agencyIds = new LinkedHashSet<>();
        Set<String> requestIds = new LinkedHashSet<>();
        Set<String> reviewIds = new LinkedHashSet<>();
        Set<String> calendarIds = new LinkedHashSet<>();
        for (Decoded d : decoded) {
            PublishedEvent event = d.event();
            Object payload = d.payload();
            if (payload instanceof HolidayArrangementPublished) {
                calendarIds.add(event.aggregateId());
            } else if (isAgencyEvent(payload)) {
                agencyIds.add(event.aggregateId());
            } else if (payload instanceof CaseNumberIssued issued) {
                requestIds.add(issued.requestId());
            } else if (payload instanceof ReviewFiled filed) {
                reviewIds.add(event.aggregateId());
                requestIds.add(filed.requestId());
            } else if (payload instanceof ReviewConcluded concluded) {
                reviewIds.add(event.aggregateId());
                requestIds.add(concluded.requestId());
            } else if (payload != null) {
                requestIds.add(event.aggregateId());
            }
            if (payload instanceof ReportingYearClosed closed) {
                closed.carriedForward().forEach(r -> requestIds.add(r.requestId()));
            }
        }
        Map<String, AgencyView> agencyViews = this.agencyViews.load(agencyIds);
        Map<String, RequestView> requestViews = this.requestViews.load(requestIds);
        Map<String, ReviewView> reviewViews = this.reviewViews.load(reviewIds);
        Map<String, CalendarView> calendarViews = this.calendarViews.load(calendarIds);
        Set<String> changedCalendars = new LinkedHashSet<>();
        Set<String> changedReviews = new LinkedHashSet<>();
        Set<String> changedAgencies = new LinkedHashSet<>();
        Set<String> changedRequests = new LinkedHashSet<>();

        for (Decoded d : decoded) {
            PublishedEvent event = d.event();
            Object payload = d.payload();
            if (payload == null) {
                // user administration, or a type this build does not know: seen, nothing to apply, remembered as seen
                withoutView.replaceOne(Filters.eq("_id", event.globalIndex()),
                                       new Document("_id", event.globalIndex()).append("type", event.type()),
                                       new com.mongodb.client.model.ReplaceOptions().upsert(true));
                applied.add(event.globalIndex());
                continue;
            }
            if (payload instanceof HolidayArrangementPublished notice) {
                CalendarView before = calendarViews.getOrDefault(event.aggregateId(), CalendarView.empty(event.aggregateId()));
                CalendarView after = CalendarFold.apply(before, event, notice);
                if (after != before) {
                    calendarViews.put(event.aggregateId(), after);
                    changedCalendars.add(event.aggregateId());
                }
                noteHeld(event, after.holds(event.globalIndex()));
            } else if (payload instanceof CaseNumberIssued issued) {
                // an event of the agency's case book, kept in the numbered request's history
                noteHeld(event, fold(requestViews, issued.requestId(), d, changedRequests).holds(event.globalIndex()));
            } else if (payload instanceof ReviewFiled || payload instanceof ReviewConcluded) {
                ReviewView before = reviewViews.getOrDefault(event.aggregateId(), ReviewView.empty(event.aggregateId()));
                ReviewView after = ReviewFold.apply(before, event, payload);
                String requestId = payload instanceof ReviewFiled filed ? filed.requestId() : ((ReviewConcluded) payload).requestId();
                if (after != before) {
                    reviewViews.put(event.aggregateId(), after);
                    changedReviews.add(event.aggregateId());
                    // the review is part of the request's history too, once (a review's events are kept there)
                    fold(requestViews, requestId, d, changedRequests);
                    noteHeld(event, true);
                } else {
                    // a duplicate (its request's history holds it), or one that came after later events of its
                    // review: then the review did not take it, and neither does the request's history
                    noteHeld(event, requestViews.getOrDefault(requestId, RequestView.empty(requestId)).holds(event.globalIndex()));
                }
            } else if (isAgencyEvent(payload)) {
                AgencyView before = agencyViews.getOrDefault(event.aggregateId(), AgencyView.empty(event.aggregateId()));
                AgencyView after = AgencyFold.apply(before, event, payload);
                if (after != before) {
                    agencyViews.put(event.aggregateId(), after);
                    changedAgencies.add(event.aggregateId());
                    if (payload instanceof ReportingYearClosed closed) {
                        for (var carried : closed.carriedForward()) {
                            // The year close is part of each carried request's history, once. Partitions are keyed by
                            // aggregate, so the request's own events may arrive later: then this starts its view.
                            fold(requestViews, carried.requestId(), d, changedRequests);
                        }
                    }
                }
                noteHeld(event, after.holds(event.globalIndex()));
            } else {
                noteHeld(event, fold(requestViews, event.aggregateId(), d, changedRequests).holds(event.globalIndex()));
            }
        }
        this.agencyViews.changed(agencyViews, changedAgencies);
        this.requestViews.changed(requestViews, changedRequests);
        this.reviewViews.changed(reviewViews, changedReviews);
        this.calendarViews.changed(calendarViews, changedCalendars);
        eventsSinceFlush += decoded.size();
        for (String id : changedCalendars) {
            // readable before it is written (immutable: no copy needed): a rebuild writes only at its end, and the
            // calendar stays open during one
            appliedCalendarNotices = calendarViews.get(id);
            putCalendarInLedger(calendarViews.get(id));
        }
        for (String id : changedReviews) {
            ReviewView review = reviewViews.get(id);
            if (review.isFiled()) {
                ledger.putReview(review.agencyId(), ReviewFacts.of(review));
            }
        }
        for (String id : changedAgencies) {
            putAgencyInLedger(agencyViews.get(id));
        }
        for (String id : changedRequests) {
            RequestView request = requestViews.get(id);
            if (request.isReceived()) {
                ledger.putRequest(request.receipt().agencyId(), RequestFacts.of(request));
            }
        }
    }

    /** Folds an event into a request's view (a new one if none is known yet), noting it changed if it did. */
    private static RequestView fold(Map<String, RequestView> views, String requestId, Decoded decoded, Set<String> changed) {
        RequestView before = views.getOrDefault(requestId, RequestView.empty(requestId));
        RequestView after = RequestFold.apply(before, decoded.event(), decoded.payload(), decoded.recordedAt());
        if (after != before) {
            views.put(requestId, after);
            changed.add(requestId);
        }
        return after;
    }

    private void putCalendarInLedger(CalendarView notices) {
        notices.years().forEach((year, notice) -> ledger.putArrangement(notice.arrangement(year)));
    }

    private void putAgencyInLedger(AgencyView agency) {
        if (!agency.isRegistered()) {
            return;
        }
        ledger.putAgency(agency.agencyId(), agency.name());
        java.time.Instant registeredAt = agency.history().stream().filter(e -> "AgencyRegistered".equals(e.type()))
                                               .map(HistoryEntry::recordedAt).findFirst().orElse(null);
        Map<Integer, java.time.Instant> closedAt = new HashMap<>();
        agency.closedYears().forEach((year, close) -> closedAt.put(year, close.recordedAt()));
        Map<Integer, java.time.Instant> publishedAt = new HashMap<>();
        agency.reports().forEach((year, report) -> {
            if (!report.publications().isEmpty()) {
                publishedAt.put(year, report.publications().get(0).publishedAt());
            }
        });
        ledger.putTree(agency.agencyId(), new Ledger.TreeFacts(registeredAt, agency.placements().stream()
                .map(p -> new Ledger.Placement(p.parentId(), p.recordedAt())).toList(), closedAt, publishedAt));
        agency.proactive().forEach((year, versions) -> ledger.putProactive(agency.agencyId(), year, versions.stream()
                .map(version -> new Ledger.ProactiveVersion(version.recordedAt(), version.figures())).toList()));
    }

    /** Every event is an agency's or a request's; anything not the agency's belongs to a request. */
    private static boolean isAgencyEvent(Object payload) {
        return payload instanceof AgencyRegistered || payload instanceof ReportingYearClosed || payload instanceof cn.foi.events.agency.AgencyPlaced
               || payload instanceof ProactiveDisclosureRecorded || payload instanceof cn.foi.events.agency.LegacyFiguresRecorded
               || payload instanceof cn.foi.events.report.ReportTextsRecorded
               || payload instanceof cn.foi.events.report.AnnualReportPublished
               || payload instanceof cn.foi.events.casenumber.CaseNumberPatternSet
               || payload instanceof cn.foi.events.letter.LetterTemplateSet;
    }

    private static Map<String, Document> load(MongoCollection<Document> collection, Set<String> ids) {
        Map<String, Document> docs = new HashMap<>();
        WriteBehind.find(collection, new ArrayList<>(ids)).forEach(d -> docs.put(d.getString("_id"), d));
        return docs;
    }


}
