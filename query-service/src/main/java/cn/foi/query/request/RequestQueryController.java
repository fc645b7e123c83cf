package cn.foi.query.request;

import cn.foi.events.calendar.WorkingDayCalendar;
import cn.foi.events.calendar.WorkingDayCalendar.Deadline;
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
        Document doc = find(requestId);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("requestId", requestId);
        state.put("agencyId", doc.getString("agencyId"));
        state.put("status", doc.getString("result") == null ? "OPEN" : "DECIDED");
        state.put("receivedOn", doc.getString("receivedOn"));
        state.put("channel", doc.getString("channel"));
        state.put("applicant", Map.of("type", doc.getString("applicantType"),
                                      "name", String.valueOf(doc.getString("applicantName"))));
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
        if (decidedOn == null && facts.awaitingCorrection()) {
            // Art. 30: no running deadline while the applicant corrects the request
            Document correction = doc.get("correction", Document.class);
            state.put("status", "AWAITING_CORRECTION");
            state.put("dueOn", null);
            state.put("workingDaysLeft", null);
            state.put("dueDateExplanation", List.of(receivedOn + " 收到申请",
                    correction.getString("requestedOn") + " 告知补正，答复期限停止计算",
                    "申请人补正期限 " + correction.getString("dueOn") + "；收到补正后重新计算 20 个工作日"));
            return state;
        }
        state.put("consultations", ReadModel.consultationsOf(doc));
        if (decidedOn == null && facts.consulting()) {
            // Arts. 32, 34: the time a consultation takes does not count
            state.put("status", "PAUSED");
            state.put("dueOn", null);
            state.put("workingDaysLeft", null);
            state.put("dueDateExplanation", List.of(clockStartsOn + " 起算",
                    "征求意见中，答复期限暂停计算；收到意见后恢复"));
            return state;
        }
        List<WorkingDayCalendar.Pause> pauses = facts.pauses();
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
