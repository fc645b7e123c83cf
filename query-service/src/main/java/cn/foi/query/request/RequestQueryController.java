package cn.foi.query.request;

import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.calendar.WorkingDayCalendar.Deadline;
import cn.foi.access.PersonalData;
import cn.foi.query.deadline.Deadlines;
import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.projection.RequestFacts;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
class RequestQueryController {

    private final ReadModel readModel;
    private final Deadlines deadlines;

    RequestQueryController(ReadModel readModel, Deadlines deadlines) {
        this.readModel = readModel;
        this.deadlines = deadlines;
    }

    @GetMapping("/api/requests/{requestId}")
    Map<String, Object> request(@PathVariable String requestId) {
        Document request = find(requestId);
        Map<String, Object> state = stateOf(request);
        // its reviews, so that a page can conclude them (not in search results: one more query per request)
        state.put("reviews", readModel.reviewsOf(request).stream().map(review -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("reviewId", review.getString("_id"));
            item.put("block", review.getString("block"));
            item.put("filedOn", review.getString("filedOn"));
            item.put("result", review.getString("result"));
            item.put("concludedOn", review.getString("concludedOn"));
            return item;
        }).toList());
        return state;
    }

    /**
     * An agency's requests, newest receipt first: {@code q} matches the subject or the request id, and the
     * applicant's name for those who may see it in full (a masked name is not searchable by its hidden part);
     * {@code status} as in the state; receipt dates inclusive.
     */
    @GetMapping("/api/agencies/{agencyId}/requests")
    Map<String, Object> search(@PathVariable String agencyId,
                               @org.springframework.web.bind.annotation.RequestParam(required = false) String q,
                               @org.springframework.web.bind.annotation.RequestParam(required = false) String status,
                               @org.springframework.web.bind.annotation.RequestParam(required = false) LocalDate receivedFrom,
                               @org.springframework.web.bind.annotation.RequestParam(required = false) LocalDate receivedTo,
                               @org.springframework.web.bind.annotation.RequestParam(defaultValue = "200") int limit) {
        if (readModel.agency(agencyId).filter(d -> d.getString("name") != null).isEmpty()) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, "机构 " + agencyId + " 不存在 (unknown agency)");
        }
        if (status != null && !status.isBlank() && !SEARCHABLE_STATUSES.contains(status)) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "未知的办理状态 " + status + "，可选 " + SEARCHABLE_STATUSES
                                                           + " (unknown status)");
        }
        if (limit < 1 || limit > 1000) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "limit 应在 1 到 1000 之间 (limit must be 1..1000)");
        }
        if (receivedFrom != null && receivedTo != null && receivedTo.isBefore(receivedFrom)) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "收到日期的起始日不能晚于截止日 (receivedFrom after receivedTo)");
        }
        boolean seesNames = cn.foi.access.Caller.current().filter(c -> c.seesPersonalDataOf(agencyId)).isPresent();
        String needle = q == null ? "" : q.strip();
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        for (Document doc : readModel.requestsOf(agencyId, receivedFrom, receivedTo)) {
            boolean matches = needle.isEmpty()
                              || doc.getString("_id").contains(needle)
                              || String.valueOf(doc.getString("subject")).contains(needle)
                              || (seesNames && String.valueOf(doc.getString("applicantName")).contains(needle));
            if (!matches) {
                continue;
            }
            Map<String, Object> state = stateOf(doc);
            if (status == null || status.isBlank() || status.equals(state.get("status"))) {
                found.add(state);
            }
        }
        found.sort(Comparator.<Map<String, Object>, String>comparing(r -> (String) r.get("receivedOn")).reversed());
        return Map.of("total", found.size(), "requests", found.subList(0, Math.min(limit, found.size())));
    }

    private static final java.util.Set<String> SEARCHABLE_STATUSES =
            java.util.Set.of("OPEN", "AWAITING_CORRECTION", "AWAITING_PAYMENT", "PAUSED", "DECIDED");

    private Map<String, Object> stateOf(Document doc) {
        String requestId = doc.getString("_id");
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("requestId", requestId);
        state.put("agencyId", doc.getString("agencyId"));
        state.put("status", doc.getString("result") == null ? "OPEN" : "DECIDED");
        state.put("receivedOn", doc.getString("receivedOn"));
        state.put("channel", doc.getString("channel"));
        // personal data in full for the agency's own officers only
        state.put("applicant", Map.of("type", doc.getString("applicantType"),
                                      "name", String.valueOf(PersonalData.forCaller(doc.getString("applicantName"),
                                                                                   doc.getString("agencyId")))));
        state.put("subject", doc.getString("subject"));
        state.put("carriedOverInto", Boolean.TRUE.equals(doc.getBoolean("imported")) ? doc.getInteger("firstYear") : null);
        // the clock's state comes from the same facts the worklist and the tables use
        RequestFacts facts = ReadModel.factsOf(doc);
        LocalDate receivedOn = facts.receivedOn();
        LocalDate corrected = facts.correctionReceivedOn();
        LocalDate clockStartsOn = facts.clockStartsOn();
        Document extension = doc.get("extension", Document.class);
        int extensionDays = facts.extensionWorkingDays();
        String decidedOn = doc.getString("decidedOn");
        state.put("result", doc.getString("result"));
        state.put("decidedOn", decidedOn);
        state.put("correction", doc.get("correction", Document.class));
        state.put("extension", extension);
        state.put("consultations", ReadModel.consultationsOf(doc));
        state.put("fee", doc.get("fee", Document.class));
        if (decidedOn == null && facts.stop() != null) {
            RequestFacts.Stop stop = facts.stop();
            state.put("status", switch (stop.reason()) {
                case AWAITING_CORRECTION -> "AWAITING_CORRECTION";
                case AWAITING_PAYMENT -> "AWAITING_PAYMENT";
                case CONSULTING -> "PAUSED";
            });
            state.put("dueOn", null);
            state.put("workingDaysLeft", null);
            state.put("pausedBecause", stop.reason().label());
            state.put("dueDateExplanation", stoppedClockExplanation(facts, stop));
            return state;
        }
        List<WorkingDayCalendar.Pause> pauses = facts.pausesUntilAnswer();
        Deadline deadline = deadlines.of(clockStartsOn, extensionDays, pauses);
        state.put("dueOn", deadline.dueOn());
        state.put("workingDaysLeft", decidedOn == null ? deadlines.workingDaysLeft(deadline.dueOn()) : null);
        state.put("answered", decidedOn == null ? null : Deadlines.timeliness(
                LocalDate.parse(decidedOn), deadlines.originalDueOn(clockStartsOn, pauses), deadline.dueOn()));
        state.put("dueDateProvisional", deadline.provisional());
        List<String> explanation = new java.util.ArrayList<>(deadline.explanation());
        if (corrected != null) {
            explanation.add(0, receivedOn + " 收到申请；" + corrected + " 收到补正，自补正之日重新计算（第三十条）");
        }
        if (extension != null) {
            explanation.add(explanation.size() - 1, "其中原期限 20 个工作日（至 " + deadlines.originalDueOn(clockStartsOn, pauses)
                            + "），经 " + extension.getString("approvedBy") + " 批准延长 " + extensionDays
                            + " 个工作日（第三十三条）");
        }
        state.put("dueDateExplanation", explanation);
        return state;
    }

    private static List<String> stoppedClockExplanation(RequestFacts facts, RequestFacts.Stop stop) {
        return switch (stop.reason()) {
            case AWAITING_CORRECTION -> List.of(facts.receivedOn() + " 收到申请",
                    stop.since() + " 告知补正，答复期限停止计算",
                    "申请人补正期限 " + stop.applicantDueOn() + "；收到补正后重新计算 20 个工作日（第三十条）");
            case AWAITING_PAYMENT -> List.of(facts.clockStartsOn() + " 起算",
                    stop.since() + " 发出收费通知，等待缴费期间答复期限暂停计算",
                    "缴费期限 " + stop.applicantDueOn() + "；缴费后恢复计算，逾期未缴费的按“"
                    + cn.foi.events.codes.ResultCode.OTHER_FEE_UNPAID.label() + "”办结");
            case CONSULTING -> List.of(facts.clockStartsOn() + " 起算",
                    stop.since() + " 起征求意见，答复期限暂停计算；收到意见后恢复（第三十二条、第三十四条）");
        };
    }

    /** The request's events, oldest first, each with its business date, when and by whom it was recorded. */
    @GetMapping("/api/requests/{requestId}/history")
    Map<String, Object> history(@PathVariable String requestId) {
        Document doc = find(requestId);
        List<Document> history = doc.getList("history", Document.class).stream()
                                    .sorted(Comparator.comparingLong(h -> h.getLong("globalIndex")))
                                    .toList();
        return Map.of("requestId", requestId, "agencyId", doc.getString("agencyId"), "events", history);
    }

    private Document find(String requestId) {
        return readModel.request(requestId)
                        .filter(doc -> doc.getString("agencyId") != null)
                        .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND,
                                                            "申请 " + requestId + " 不存在 (unknown request)"));
    }
}
