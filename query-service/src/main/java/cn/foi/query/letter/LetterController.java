package cn.foi.query.letter;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.FeeBasis;
import cn.foi.events.codes.ResultCode;
import cn.foi.events.letter.LetterField;
import cn.foi.events.letter.LetterKind;
import cn.foi.events.letter.LetterTemplate;
import cn.foi.query.deadline.Deadlines;
import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.view.AgencyView;
import cn.foi.query.view.RequestView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The letters a request's steps call for (受理回执, 补正告知书, 延期答复告知书, 征求意见函, 收费通知书, 答复书), made from its events
 * with the agency's template, and the templates themselves: listed with every version, previewed before saving (saving
 * is a command). A letter carries the applicant's name: made only for the agency's own staff.
 */
@RestController
class LetterController {

    private static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ReadModel readModel;
    private final Deadlines deadlines;

    LetterController(ReadModel readModel, Deadlines deadlines) {
        this.readModel = readModel;
        this.deadlines = deadlines;
    }

    /** A letter of the request as made now ({@code writtenDate}: its date as the letter writes it). */
    record Letter(String requestId, LetterKind kind, String label, String caseNumber, String title, List<String> paragraphs,
                  String agencyName, LocalDate date, String writtenDate, int templateVersion, boolean provisional) {
    }

    /**
     * The letters the request's steps call for, each with where it is made; {@code grounds}: the ways its answer can be
     * worded, when its result has more than one (the letter's {@code ground} parameter).
     */
    @GetMapping("/api/requests/{requestId}/letters")
    Map<String, Object> letters(@PathVariable String requestId) {
        RequestView request = request(requestId);
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("requestId", requestId);
        answer.put("letters", LetterFacts.available(request));
        if (request.decision() != null && request.decision().result() != null) {
            answer.put("grounds", cn.foi.events.letter.ReplyGrounds.of(request.decision().result()).stream()
                    .map(g -> Map.of("ground", g.ground(), "label", g.label(), "article", g.article())).toList());
        }
        return answer;
    }

    /**
     * A letter as {@code .docx} ({@code format=json}: its text). {@code templateVersion}: made with an earlier version
     * of the template (0 the engine's default) to see a letter as it was sent; {@code consultationId}: which consultation.
     */
    @GetMapping("/api/requests/{requestId}/letters/{kind}")
    ResponseEntity<?> letter(@PathVariable String requestId, @PathVariable String kind,
                             @RequestParam(required = false) String consultationId,
                             @RequestParam(required = false) Integer templateVersion,
                             @RequestParam(required = false) String ground,
                             @RequestParam(defaultValue = "docx") String format) {
        LetterKind letterKind = kind(kind);
        RequestView request = request(requestId);
        String agencyId = request.receipt().agencyId();
        if (cn.foi.access.Caller.current().filter(c -> c.seesPersonalDataOf(agencyId)).isEmpty()) {
            throw new QueryProblem(HttpStatus.FORBIDDEN, "文书载有申请人的个人信息，只有本机关的办理人员可以生成 (letters are for the agency's own staff)");
        }
        AgencyView agency = agency(agencyId);
        AgencyView.LetterTemplateVersion template = templateVersion == null ? agency.letterTemplate(letterKind)
                                                                            : version(agency, letterKind, templateVersion);
        LetterFacts.Facts facts = LetterFacts.of(letterKind, request, agency.name(), deadlines, consultationId, ground);
        return made(new Made(requestId, letterKind, request.caseNumber(), agency.name(), facts,
                             new LetterTemplate(template.title(), template.body()), template.version()), format);
    }

    private record Made(String requestId, LetterKind kind, String caseNumber, String agencyName, LetterFacts.Facts facts,
                        LetterTemplate template, int templateVersion) {
    }

    private static ResponseEntity<?> made(Made made, String format) {
        LetterTemplate.Filled filled = made.template().fill(made.facts().values());
        if ("json".equals(format)) {
            return ResponseEntity.ok(new Letter(made.requestId(), made.kind(), made.kind().label(), made.caseNumber(), filled.title(),
                                                filled.paragraphs(), made.agencyName(), made.facts().date(),
                                                LetterFacts.written(made.facts().date()), made.templateVersion(), made.facts().provisional()));
        }
        if (!"docx".equals(format)) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "不支持的格式 " + format + "：可用 docx 或 json (unsupported format)");
        }
        byte[] docx = LetterDocument.docx(filled, new LetterDocument.Letterhead(made.agencyName(), made.caseNumber(),
                LetterFacts.written(made.facts().date()), made.templateVersion(), made.requestId()));
        String name = (made.caseNumber() == null ? made.requestId() : made.caseNumber()) + made.kind().label() + ".docx";
        return ResponseEntity.ok().contentType(DOCX)
                             .header(HttpHeaders.CONTENT_DISPOSITION, cn.foi.query.table.AnnualTableExports.attachment(name))
                             .body(docx);
    }

    /** The agency's templates: each kind as it stands, its fields, the default, and every version saved. */
    @GetMapping("/api/agencies/{agencyId}/letter-templates")
    Map<String, Object> templates(@PathVariable String agencyId) {
        AgencyView agency = agency(agencyId);
        return Map.of("agencyId", agencyId, "templates", Arrays.stream(LetterKind.values()).map(kind -> {
            AgencyView.LetterTemplateVersion current = agency.letterTemplate(kind);
            LetterTemplate standard = LetterTemplate.DEFAULTS.get(kind);
            Map<String, Object> template = new java.util.LinkedHashMap<>();
            template.put("kind", kind);
            template.put("label", kind.label());
            template.put("version", current.version());
            template.put("title", current.title());
            template.put("body", current.body());
            template.put("fields", LetterField.of(kind).stream().map(f -> Map.of("name", f.placeholder(), "description", f.description())).toList());
            template.put("standard", Map.of("title", standard.title(), "body", standard.body()));
            template.put("versions", agency.letterTemplates().stream().filter(v -> v.kind() == kind).toList());
            return template;
        }).toList());
    }

    /**
     * A template before it is saved, filled with one of the agency's requests ({@code requestId}: its id or case number;
     * for its own staff) or
     * with a made-up one that has every step ({@code result}: the answer it was given). Checked as saving checks it.
     */
    @cn.foi.access.ReadsOnly
    @PostMapping("/api/agencies/{agencyId}/letter-templates/{kind}/preview")
    ResponseEntity<?> preview(@PathVariable String agencyId, @PathVariable String kind, @RequestBody(required = false) Map<String, String> body,
                              @RequestParam(defaultValue = "docx") String format) {
        LetterKind letterKind = kind(kind);
        AgencyView agency = agency(agencyId);
        Map<String, String> draft = body == null ? Map.of() : body;
        LetterTemplate template;
        try {
            template = LetterTemplate.checked(letterKind, draft.get("title"), draft.get("body"));
        } catch (IllegalArgumentException e) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        RequestView request;
        if (draft.get("requestId") != null && !draft.get("requestId").isBlank()) {
            request = requestNamed(agencyId, draft.get("requestId").strip());
            if (!request.receipt().agencyId().equals(agencyId)
                || cn.foi.access.Caller.current().filter(c -> c.seesPersonalDataOf(agencyId)).isEmpty()) {
                throw new QueryProblem(HttpStatus.FORBIDDEN, "只能用本机关的申请预览文书，且须为本机关的办理人员 (not a request of this agency's staff)");
            }
        } else {
            request = sample(agencyId, agency.caseNumberPattern(), draft.get("result"));
        }
        LetterFacts.Facts facts = LetterFacts.of(letterKind, request, agency.name(), deadlines, null, null);
        return made(new Made(request.requestId(), letterKind, request.caseNumber(), agency.name(), facts, template, -1), format);
    }

    /** A made-up request that went through every step, so that any template can be seen filled. */
    private RequestView sample(String agencyId, String pattern, String result) {
        ResultCode answer;
        try {
            answer = result == null || result.isBlank() ? ResultCode.DISCLOSED : ResultCode.valueOf(result.strip());
        } catch (IllegalArgumentException e) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "未知的办理结果代码 " + result + " (unknown result code)");
        }
        LocalDate received = LocalDate.of(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear(), 3, 2);
        var calendar = deadlines.calendar();
        LocalDate asked = calendar.workingDaysAfter(received, 3).dueOn();
        LocalDate corrected = calendar.workingDaysAfter(asked, 5).dueOn();
        LocalDate consulted = calendar.workingDaysAfter(corrected, 2).dueOn();
        LocalDate extended = calendar.workingDaysAfter(corrected, 15).dueOn();
        LocalDate answered = calendar.workingDaysAfter(extended, 10).dueOn();
        return new RequestView("示例申请", 0,
                new RequestView.Receipt(agencyId, received, Channel.ONLINE, ApplicantType.NATURAL_PERSON, "张某某",
                                        "本单位2025年度老旧小区改造项目的资金安排情况", received.getYear(), false, null),
                new RequestView.Correction(asked, calendar.workingDaysAfter(asked, 10).dueOn(), List.of("所需信息的名称或者文号", "所需信息的形成时间"), corrected),
                List.of(new RequestView.Consultation("示例", "某建设工程有限公司", "THIRD_PARTY", consulted, null, null)),
                new RequestView.Fee(consulted, new BigDecimal("300"), FeeBasis.BY_VOLUME, calendar.workingDaysAfter(consulted, 20).dueOn(), null),
                new RequestView.Extension(extended, 20, "李某某", "需要征求第三方意见并调取档案"),
                new RequestView.Decision(answer, answered, "", null),
                List.of(), new cn.foi.events.casenumber.CaseNumberPattern(pattern).format(received.getYear(), 1), null, List.of(), null, List.of());
    }

    private static AgencyView.LetterTemplateVersion version(AgencyView agency, LetterKind kind, int version) {
        return agency.letterTemplate(kind, version).orElseThrow(
                () -> new QueryProblem(HttpStatus.NOT_FOUND, kind.label() + "模板没有第 " + version + " 版 (unknown template version)"));
    }

    private static LetterKind kind(String kind) {
        try {
            return LetterKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new QueryProblem(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    /** A request of the agency by its id or, as an officer knows it, by its case number. */
    private RequestView requestNamed(String agencyId, String idOrCaseNumber) {
        return readModel.request(idOrCaseNumber).filter(RequestView::isReceived)
                        .or(() -> readModel.requestsOf(agencyId, null, null).stream()
                                           .filter(r -> idOrCaseNumber.equals(r.caseNumber())).findFirst())
                        .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND, "本机关没有登记编号或标识为 " + idOrCaseNumber
                                                                                + " 的申请 (unknown request)"));
    }

    private RequestView request(String requestId) {
        return readModel.request(requestId).filter(RequestView::isReceived)
                        .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND, "申请 " + requestId + " 不存在 (unknown request)"));
    }

    private AgencyView agency(String agencyId) {
        return readModel.agency(agencyId).filter(AgencyView::isRegistered)
                        .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND, "机构 " + agencyId + " 不存在 (unknown agency)"));
    }
}
