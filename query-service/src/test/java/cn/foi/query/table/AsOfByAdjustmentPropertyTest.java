package cn.foi.query.table;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.ResultCode;
import cn.foi.events.published.PublishedEvent;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.query.projection.Ledger;
import cn.foi.query.projection.RequestFacts;
import cn.foi.query.view.RequestFold;
import cn.foi.query.view.RequestView;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: a table as of a moment, made by taking back only the requests recorded since, equals the table counted
 * from every request as it stood then, over random histories and moments.
 */
class AsOfByAdjustmentPropertyTest {

    private static final String AGENCY = "as-of-office";
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @RepeatedTest(100)
    void a_table_as_of_a_moment_is_the_count_of_the_requests_as_they_stood_then(RepetitionInfo repetition) {
        Random random = new Random(31L * repetition.getCurrentRepetition());
        int year = 2025;
        Ledger now = new Ledger();
        Ledger then = new Ledger();
        now.putAgency(AGENCY, "某局");
        then.putAgency(AGENCY, "某局");
        Instant moment = START.plusSeconds(random.nextInt(400 * 86_400));
        for (int i = 0; i < 60; i++) {
            String id = "r-" + i;
            LocalDate receivedOn = LocalDate.of(year - random.nextInt(2), 1 + random.nextInt(12), 1 + random.nextInt(28));
            Instant receiptRecorded = START.plusSeconds(random.nextInt(400 * 86_400));
            RequestView view = RequestFold.apply(RequestView.empty(id), envelope(id, 0, i, receiptRecorded),
                    new RequestReceived(id, AGENCY, receivedOn, Channel.ONLINE,
                                        new Applicant(ApplicantType.values()[random.nextInt(ApplicantType.values().length)], "甲"), "事项"));
            LocalDate decidedOn = receivedOn.plusDays(random.nextInt(300));
            if (random.nextBoolean() && decidedOn.getYear() >= 2019) {
                Instant decisionRecorded = receiptRecorded.plusSeconds(random.nextInt(100 * 86_400));
                view = RequestFold.apply(view, envelope(id, 1, 1000 + i, decisionRecorded),
                        new RequestDecided(id, AGENCY, ResultCode.values()[random.nextInt(ResultCode.values().length)], decidedOn, null));
            }
            RequestFacts facts = RequestFacts.of(view);
            now.putRequest(AGENCY, facts);
            RequestFacts asItStood = facts.asOf(moment);
            if (asItStood != null) {
                then.putRequest(AGENCY, asItStood);
            }
        }
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
        AnnualTable adjusted = new AnnualTables(now, clock).asOf(AGENCY, year, moment).orElseThrow();
        AnnualTable counted = new AnnualTables(then, clock).of(AGENCY, year).orElseThrow();
        assertThat(adjusted.applications()).isEqualTo(counted.applications());
        assertThat(adjusted.counts()).isEqualTo(counted.counts());
    }

    private static PublishedEvent envelope(String aggregateId, long sequenceNumber, long globalIndex, Instant recordedAt) {
        return new PublishedEvent(globalIndex, "e-" + globalIndex, "X", aggregateId, sequenceNumber, "X", null, recordedAt.toString(),
                                  Map.of("userId", "officer-1"), null);
    }
}
