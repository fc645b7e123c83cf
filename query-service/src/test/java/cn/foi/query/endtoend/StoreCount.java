package cn.foi.query.endtoend;

import cn.foi.events.published.EventTypes;

import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table 三 counted straight from the event store, without the projection's code: the reference the
 * reliability tests hold the projected tables to (0 lost, 0 double).
 */
final class StoreCount {

    private StoreCount() {
    }

    /** agency → year → "ROW/COLUMN" → count, from the stored events, without the projection's code. */
    static Map<String, Map<Integer, Map<String, Integer>>> tables(List<String> agencies, List<Integer> years) {
        Map<String, RequestReceived> received = new HashMap<>();
        Map<String, RequestDecided> decided = new HashMap<>();
        // answered under the 2008 Regulations (dated up to 2018): ended, but in no row of table 三
        Map<String, java.time.LocalDate> answeredUnder2008 = new HashMap<>();
        EndToEndTest.services.eventStore().readEvents(null, false).forEach(message -> {
            Object payload = message.getPayload();
            if (payload instanceof RequestReceived r) {
                received.put(r.requestId(), r);
            } else if (payload instanceof RequestDecided d) {
                decided.put(d.requestId(), d);
            } else if (payload instanceof cn.foi.events.request.DecisionCorrected c) {
                // the corrected answer replaces the recorded one
                decided.put(c.requestId(), new RequestDecided(c.requestId(), c.agencyId(), c.result(), c.decidedOn(), null));
            } else if (payload instanceof cn.foi.events.request.ReceiptCorrected c) {
                // the corrected receipt replaces the recorded one (these agencies import nothing)
                RequestReceived r = received.get(c.requestId());
                received.put(c.requestId(), new RequestReceived(c.requestId(), c.agencyId(), c.receivedOn(), c.channel(),
                                                                new cn.foi.events.request.Applicant(c.applicantType(), r == null ? null : r.applicant().name()),
                                                                c.subject()));
            } else if (payload instanceof cn.foi.events.request.LegacyRequestDecided d) {
                answeredUnder2008.put(d.requestId(), d.decidedOn());
            } else if (payload instanceof cn.foi.events.request.LegacyDecisionCorrected d) {
                answeredUnder2008.put(d.requestId(), d.decidedOn());
            } else if (EventTypes.isAdministrative(payload.getClass().getSimpleName())) {
                // user administration: counted in no table
                assertThat(payload.getClass().getPackageName()).isEqualTo("cn.foi.events.user");
            } else {
                // no other event changes a count of the agencies checked (they use no imports or closes)
                assertThat(payload).isInstanceOfAny(AgencyRegistered.class, cn.foi.events.agency.ReportingYearClosed.class,
                                                    cn.foi.events.request.OpenRequestImported.class,
                                                    cn.foi.events.request.DeadlineExtended.class,
                                                    cn.foi.events.request.CorrectionRequested.class,
                                                    cn.foi.events.request.CorrectionReceived.class,
                                                    cn.foi.events.review.ReviewFiled.class,
                                                    cn.foi.events.review.ReviewConcluded.class,
                                                    cn.foi.events.agency.ProactiveDisclosureRecorded.class,
                                                    cn.foi.events.agency.LegacyFiguresRecorded.class,
                                                    cn.foi.events.request.ConsultationSent.class,
                                                    cn.foi.events.request.ConsultationReplied.class,
                                                    cn.foi.events.request.FeeNoticeIssued.class,
                                                    cn.foi.events.request.FeePaid.class,
                                                    cn.foi.events.calendar.HolidayArrangementPublished.class,
                                                    cn.foi.events.report.ReportTextsRecorded.class,
                                                    cn.foi.events.report.AnnualReportPublished.class,
                                                    cn.foi.events.agency.AgencyPlaced.class,
                                                    cn.foi.events.casenumber.CaseNumberIssued.class,
                                                    cn.foi.events.casenumber.CaseNumberPatternSet.class,
                                                    cn.foi.events.request.RequestAssigned.class,
                                                    cn.foi.events.request.AttachmentAdded.class,
                                                    cn.foi.events.request.ApplicantDetailsRecorded.class,
                                                    cn.foi.events.letter.LetterTemplateSet.class);
            }
        });
        Map<String, Map<Integer, Map<String, Integer>>> tables = new HashMap<>();
        for (RequestReceived r : received.values()) {
            if (!agencies.contains(r.agencyId())) {
                continue;
            }
            RequestDecided d = decided.get(r.requestId());
            String column = r.applicant().type().name();
            for (int year : years) {
                Map<String, Integer> table = tables.computeIfAbsent(r.agencyId(), a -> new HashMap<>())
                                                   .computeIfAbsent(year, y -> new HashMap<>());
                int receivedYear = r.receivedOn().getYear();
                java.time.LocalDate old = answeredUnder2008.get(r.requestId());
                Integer decidedYear = d != null ? Integer.valueOf(d.decidedOn().getYear()) : old != null ? Integer.valueOf(old.getYear()) : null;
                if (receivedYear == year) {
                    add(table, "NEW", column);
                }
                if (receivedYear < year && (decidedYear == null || decidedYear >= year)) {
                    add(table, "CARRIED_OVER", column);
                }
                if (d != null && decidedYear == year) {
                    add(table, d.result().name(), column);
                    add(table, "TOTAL_HANDLED", column);
                }
                if (receivedYear <= year && (decidedYear == null || decidedYear > year)) {
                    add(table, "CARRIED_FORWARD", column);
                }
            }
        }
        return tables;
    }

    private static void add(Map<String, Integer> table, String row, String column) {
        table.merge(row + "/" + column, 1, Integer::sum);
        table.merge(row + "/TOTAL", 1, Integer::sum);
    }

    static void assertProjectedEqual(Map<String, Map<Integer, Map<String, Integer>>> expected, List<String> agencies,
                                     List<Integer> years) {
        for (String agency : agencies) {
            for (int year : years) {
                JsonNode table = EndToEndTest.api.table(agency, year);
                Map<String, Integer> projected = new HashMap<>();
                table.get("applications").fields().forEachRemaining(row -> row.getValue().fields().forEachRemaining(
                        cell -> {
                            if (cell.getValue().asInt() != 0) {
                                projected.put(row.getKey() + "/" + cell.getKey(), cell.getValue().asInt());
                            }
                        }));
                assertThat(projected).as(agency + " " + year)
                                     .isEqualTo(expected.getOrDefault(agency, Map.of()).getOrDefault(year, Map.of()));
                assertThat(table.get("consistent").asBoolean()).isTrue();
            }
        }
    }
}
