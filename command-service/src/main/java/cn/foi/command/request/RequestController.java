package cn.foi.command.request;

import cn.foi.command.request.RequestCommands.DecideRequest;
import cn.foi.command.request.RequestCommands.ExtendDeadline;
import cn.foi.command.request.RequestCommands.ReceiveCorrection;
import cn.foi.command.request.RequestCommands.RequestCorrection;
import cn.foi.command.request.RequestCommands.ImportOpenRequest;
import cn.foi.command.request.RequestCommands.LogRequest;
import cn.foi.command.problem.InvalidInput;
import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.ResultCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@RestController
class RequestController {

    static final int BATCH_MAX = 500;

    private final CommandGateway commands;
    private final BatchEntry batchEntry;
    private final Officers officers;

    RequestController(CommandGateway commands, BatchEntry batchEntry, Officers officers) {
        this.officers = officers;
        this.commands = commands;
        this.batchEntry = batchEntry;
    }

    /** The applicant: type and name, and optionally an identity document and contact details (personal data). */
    record ApplicantBody(ApplicantType type, String name, cn.foi.events.codes.IdType idType, String idNumber, String phone,
                         String address, String email) {

        ApplicantBody(ApplicantType type, String name) {
            this(type, name, null, null, null, null, null);
        }

        /** The details given, checked (a 居民身份证 number by its check digit); null when none was given. */
        cn.foi.events.request.ApplicantDetails details() {
            try {
                var details = new cn.foi.events.request.ApplicantDetails(idType, idNumber, phone, address, email);
                return details.isEmpty() ? null : details;
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(e.getMessage());
            }
        }
    }

    record ReceiptBody(LocalDate receivedOn, Channel channel, ApplicantBody applicant, String subject,
                       Integer carriedOverInto) {

        ApplicantType applicantType() {
            if (applicant == null) {
                throw new InvalidInput("缺少申请人 applicant (applicant is required)");
            }
            return applicant.type();
        }
    }

    /** {@code result}: a code of the current Regulations, or of the 2008 Regulations for an answer dated up to 2018. */
    record DecisionBody(String result, LocalDate decidedOn, String note) {

        /** The command this answer is: which Regulations its result code belongs to decides. */
        Object command(String requestId) {
            if (result == null || result.isBlank()) {
                throw new InvalidInput("缺少办理结果 result (result is required)");
            }
            for (ResultCode code : ResultCode.values()) {
                if (code.name().equals(result)) {
                    return new DecideRequest(requestId, code, decidedOn, note);
                }
            }
            for (cn.foi.events.codes.LegacyResultCode code : cn.foi.events.codes.LegacyResultCode.values()) {
                if (code.name().equals(result)) {
                    return new RequestCommands.DecideRequestUnder2008Regulations(requestId, code, decidedOn, note);
                }
            }
            throw new InvalidInput("未知的办理结果代码 " + result + "，可选代码见 GET /api/codes (unknown result code " + result + ")");
        }
    }

    @PostMapping("/api/agencies/{agencyId}/requests")
    ResponseEntity<Map<String, String>> log(@PathVariable String agencyId, @RequestBody ReceiptBody body) {
        String requestId = UUID.randomUUID().toString();
        commands.sendAndWait(new LogRequest(requestId, agencyId, body.receivedOn(), body.channel(),
                                            body.applicantType(), body.applicant().name(), body.subject(),
                                            body.applicant().details()));
        return created(requestId);
    }

    record BatchItem(LocalDate receivedOn, Channel channel, ApplicantBody applicant, String subject, DecisionBody decision) {
    }

    record Batch(java.util.List<BatchItem> requests) {
    }

    /**
     * Bulk entry (a day's letters, a spreadsheet of last year's requests): up to {@value #BATCH_MAX} receipts,
     * each with its decision if already answered. Every item is checked as the single calls would check it and
     * answered with its own status (201, or the problem the single call would have given); see {@link BatchEntry}.
     */
    @PostMapping("/api/agencies/{agencyId}/requests/batch")
    Map<String, Object> logBatch(@PathVariable String agencyId, @RequestBody Batch batch) {
        if (batch.requests() == null || batch.requests().isEmpty() || batch.requests().size() > BATCH_MAX) {
            throw new InvalidInput("requests 须为 1 到 " + BATCH_MAX + " 件申请 (1.." + BATCH_MAX + " requests per batch)");
        }
        java.util.List<Map<String, Object>> results = batchEntry.record(agencyId, batch.requests());
        long accepted = results.stream().filter(r -> Integer.valueOf(201).equals(r.get("status"))).count();
        return Map.of("accepted", accepted, "refused", results.size() - accepted, "results", results);
    }

    /** For agencies that start mid-stream: a request that was already open at the start of a year. */
    @PostMapping("/api/agencies/{agencyId}/carried-over-requests")
    ResponseEntity<Map<String, String>> importOpen(@PathVariable String agencyId, @RequestBody ReceiptBody body) {
        if (body.carriedOverInto() == null) {
            throw new InvalidInput("缺少结转年度 carriedOverInto (carriedOverInto is required)");
        }
        String requestId = UUID.randomUUID().toString();
        commands.sendAndWait(new ImportOpenRequest(requestId, agencyId, body.receivedOn(), body.channel(),
                                                   body.applicantType(), body.applicant().name(), body.subject(),
                                                   body.carriedOverInto()));
        return created(requestId);
    }

    record CorrectionRequestBody(LocalDate requestedOn, LocalDate dueOn, java.util.List<String> items) {
    }

    record CorrectionBody(LocalDate receivedOn) {
    }

    @PostMapping("/api/requests/{requestId}/correction-request")
    Map<String, Object> requestCorrection(@PathVariable String requestId, @RequestBody CorrectionRequestBody body) {
        commands.sendAndWait(new RequestCorrection(requestId, body.requestedOn(), body.dueOn(), body.items()));
        return Map.of("requestId", requestId, "status", "AWAITING_CORRECTION");
    }

    @PostMapping("/api/requests/{requestId}/correction")
    Map<String, Object> receiveCorrection(@PathVariable String requestId, @RequestBody CorrectionBody body) {
        commands.sendAndWait(new ReceiveCorrection(requestId, body.receivedOn()));
        return Map.of("requestId", requestId, "status", "OPEN");
    }

    record ConsultationBody(String party, RequestCommands.ConsultationKind kind, LocalDate sentOn) {
    }

    record ReplyBody(LocalDate repliedOn, Boolean consents) {
    }

    @PostMapping("/api/requests/{requestId}/consultations")
    ResponseEntity<Map<String, String>> consult(@PathVariable String requestId, @RequestBody ConsultationBody body) {
        String consultationId = UUID.randomUUID().toString();
        commands.sendAndWait(new RequestCommands.SendConsultation(requestId, consultationId, body.party(), body.kind(),
                                                                  body.sentOn()));
        return ResponseEntity.created(URI.create("/api/requests/" + requestId + "/consultations/" + consultationId))
                             .body(Map.of("consultationId", consultationId));
    }

    @PostMapping("/api/requests/{requestId}/consultations/{consultationId}/reply")
    Map<String, Object> reply(@PathVariable String requestId, @PathVariable String consultationId,
                              @RequestBody ReplyBody body) {
        commands.sendAndWait(new RequestCommands.ReceiveConsultationReply(requestId, consultationId, body.repliedOn(),
                                                                          body.consents()));
        return Map.of("requestId", requestId, "consultationId", consultationId);
    }

    record ExtensionBody(LocalDate grantedOn, Integer workingDays, String approvedBy, String reason) {
    }

    @PostMapping("/api/requests/{requestId}/extension")
    Map<String, Object> extend(@PathVariable String requestId, @RequestBody ExtensionBody body) {
        commands.sendAndWait(new ExtendDeadline(requestId, body.grantedOn(), body.workingDays(), body.approvedBy(),
                                                body.reason()));
        return Map.of("requestId", requestId, "workingDays", body.workingDays());
    }

    record FeeNoticeBody(LocalDate issuedOn, java.math.BigDecimal amountYuan, cn.foi.events.codes.FeeBasis basis,
                         LocalDate dueOn) {
    }

    record FeePaymentBody(LocalDate paidOn) {
    }

    @PostMapping("/api/requests/{requestId}/fee-notice")
    Map<String, Object> feeNotice(@PathVariable String requestId, @RequestBody FeeNoticeBody body) {
        commands.sendAndWait(new RequestCommands.IssueFeeNotice(requestId, body.issuedOn(), body.amountYuan(),
                                                                body.basis(), body.dueOn()));
        return Map.of("requestId", requestId, "status", "AWAITING_PAYMENT");
    }

    @PostMapping("/api/requests/{requestId}/fee-payment")
    Map<String, Object> feePayment(@PathVariable String requestId, @RequestBody FeePaymentBody body) {
        commands.sendAndWait(new RequestCommands.ReceiveFeePayment(requestId, body.paidOn()));
        return Map.of("requestId", requestId, "status", "OPEN");
    }

    record DecisionCorrectionBody(String result, LocalDate decidedOn, String reason) {
    }

    /** A supervisor's correction of the recorded answer, with its reason (both stay in the history). */
    @PostMapping("/api/requests/{requestId}/decision-correction")
    Map<String, Object> correctDecision(@PathVariable String requestId, @RequestBody DecisionCorrectionBody body) {
        // one field for both laws' results: their codes differ, and the aggregate takes only the law its answer was given under
        cn.foi.events.codes.ResultCode result = null;
        cn.foi.events.codes.LegacyResultCode legacyResult = null;
        if (body.result() != null) {
            try {
                result = cn.foi.events.codes.ResultCode.valueOf(body.result());
            } catch (IllegalArgumentException notCurrent) {
                try {
                    legacyResult = cn.foi.events.codes.LegacyResultCode.valueOf(body.result());
                } catch (IllegalArgumentException e) {
                    throw new cn.foi.command.problem.InvalidInput("未知的办理结果 " + body.result() + " (unknown result code)");
                }
            }
        }
        commands.sendAndWait(new RequestCommands.CorrectDecision(requestId, result, legacyResult, body.decidedOn(), body.reason()));
        return Map.of("requestId", requestId, "result", body.result(), "decidedOn", body.decidedOn());
    }

    record ReceiptCorrectionBody(LocalDate receivedOn, String channel, String applicantType, String subject, String reason) {
    }

    /** A supervisor's correction of the receipt's details (any of the four), with its reason (both stay in the history). */
    @PostMapping("/api/requests/{requestId}/receipt-correction")
    Map<String, Object> correctReceipt(@PathVariable String requestId, @RequestBody ReceiptCorrectionBody body) {
        Channel channel = code(Channel.class, body.channel(), "申请方式", "channel");
        ApplicantType applicantType = code(ApplicantType.class, body.applicantType(), "申请人类型", "applicantType");
        commands.sendAndWait(new RequestCommands.CorrectReceipt(requestId, body.receivedOn(), channel, applicantType, body.subject(),
                                                                body.reason()));
        return Map.of("requestId", requestId, "corrected", true);
    }

    /** A code of {@code /api/codes}; null when not given; an unknown one is a bad input (400), not a server error. */
    private static <E extends Enum<E>> E code(Class<E> type, String code, String what, String field) {
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("未知的" + what + "代码 " + code + "（字段 " + field + "），可选代码见 GET /api/codes (unknown code)");
        }
    }

    /** Gives the request to an officer of its agency (SUPERVISOR). */
    @org.springframework.web.bind.annotation.PutMapping("/api/requests/{requestId}/assignee")
    Map<String, Object> assign(@PathVariable String requestId, @RequestBody Map<String, String> body) {
        String username = body == null ? null : body.get("username");
        commands.sendAndWait(new RequestCommands.AssignRequest(requestId, username));
        return Map.of("requestId", requestId, "assignee", username.strip());
    }

    /** Who may be given the agency's requests: its officers and supervisors. */
    @org.springframework.web.bind.annotation.GetMapping("/api/agencies/{agencyId}/officers")
    java.util.List<Officers.Officer> officers(@PathVariable String agencyId) {
        return officers.of(agencyId);
    }

    @PostMapping("/api/requests/{requestId}/decision")
    Map<String, Object> decide(@PathVariable String requestId, @RequestBody DecisionBody body) {
        commands.sendAndWait(body.command(requestId));
        return Map.of("requestId", requestId, "result", body.result(), "decidedOn", body.decidedOn());
    }

    private static ResponseEntity<Map<String, String>> created(String requestId) {
        return ResponseEntity.created(URI.create("/api/requests/" + requestId)).body(Map.of("requestId", requestId));
    }
}
