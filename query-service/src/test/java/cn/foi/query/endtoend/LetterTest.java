package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The letters the Regulations require (issue 17, item 2): made from the request's events with the agency's templates. */
class LetterTest extends EndToEndTest {

    private static final String PASSWORD = "Letters-pass-2026";

    private Services.Client supervisor;

    private void agency(String agencyId, String name, String supervisorName) {
        api.registerAgency(agencyId, name);
        api.createUser(supervisorName, PASSWORD, "SUPERVISOR", agencyId);
        supervisor = services.as(supervisorName, PASSWORD);
    }

    private void step(String request, String path, String body) {
        var answer = services.post(services.commandUrl + "/api/requests/" + request + path, body);
        assertThat(answer.status()).as(path + ": " + answer.body()).isIn(200, 201);
    }

    /** The letter's text as Word reads it, one paragraph a line. */
    private String letter(String request, String kindAndQuery) throws IOException {
        HttpResponse<byte[]> docx = supervisor.download(services.queryUrl + "/api/requests/" + request + "/letters/" + kindAndQuery);
        assertThat(docx.statusCode()).as(new String(docx.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            return word.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    private JsonNode json(String request, String kindAndQuery) {
        var answer = supervisor.get(services.queryUrl + "/api/requests/" + request + "/letters/" + kindAndQuery
                                    + (kindAndQuery.contains("?") ? "&" : "?") + "format=json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static int indexOf(List<String> paragraphs, String part) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no paragraph with " + part + " in " + paragraphs);
    }

    private static String written(String isoDate) {
        var date = java.time.LocalDate.parse(isoDate);
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private JsonNode awaitRequest(String request, java.util.function.Predicate<JsonNode> until) {
        var found = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode state = services.get(services.queryUrl + "/api/requests/" + request).json();
            found.set(state);
            return until.test(state);
        });
        return found.get();
    }

    @Test
    void each_step_s_letter_carries_the_case_number_the_applicant_the_dates_and_the_article_and_a_step_never_taken_has_none() throws Exception {
        String agencyId = "letters-office";
        agency(agencyId, "某市自然资源局", "letter-sun");
        assertThat(services.put(services.commandUrl + "/api/agencies/" + agencyId + "/case-number-pattern",
                                "{\"pattern\":\"资规依申〔{year}〕{seq:3}号\"}").status()).isEqualTo(200);
        String request = api.logRequest(agencyId, "2026-03-02", "ONLINE", "NATURAL_PERSON", "李四");
        JsonNode received = awaitRequest(request, s -> s.path("caseNumber").isTextual());
        String caseNumber = received.get("caseNumber").asText();
        assertThat(caseNumber).isEqualTo("资规依申〔2026〕001号");
        assertThat(received.get("dueOn").asText()).isEqualTo("2026-03-30");

        String receipt = letter(request, "RECEIPT");
        assertThat(receipt).contains("政府信息公开申请受理回执", caseNumber, "李四：", "2026年3月2日", "网络", "申请公开某路段拆迁补偿方案",
                                     "不晚于2026年3月30日", "第三十三条第二款", "某市自然资源局");

        // steps a letter may not exist for yet: 409 with the reason
        for (String kind : List.of("CORRECTION_NOTICE", "EXTENSION_NOTICE", "CONSULTATION_LETTER", "FEE_NOTICE", "REPLY")) {
            var none = supervisor.get(services.queryUrl + "/api/requests/" + request + "/letters/" + kind);
            assertThat(none.status()).as(kind).isEqualTo(409);
            assertThat(none.contentType()).startsWith("application/problem+json");
            assertThat(none.json().get("detail").asText()).as(kind).contains("没有");
        }
        assertThat(supervisor.get(services.queryUrl + "/api/requests/" + request + "/letters/SUMMONS").status()).isEqualTo(404);

        step(request, "/correction-request", "{\"requestedOn\":\"2026-03-04\",\"dueOn\":\"2026-03-13\",\"items\":[\"所需文件的名称或文号\",\"所需信息的形成时间\"]}");
        step(request, "/correction", "{\"receivedOn\":\"2026-03-09\"}");
        step(request, "/consultations", "{\"party\":\"某建设工程有限公司\",\"kind\":\"THIRD_PARTY\",\"sentOn\":\"2026-03-10\"}");
        awaitRequest(request, s -> s.path("consultations").size() == 1);
        String consultationId = services.get(services.queryUrl + "/api/requests/" + request).json().get("consultations").get(0)
                                        .get("consultationId").asText();
        step(request, "/consultations/" + consultationId + "/reply", "{\"repliedOn\":\"2026-03-20\",\"consents\":false}");
        // another agency consulted, still awaited when the extension is granted
        step(request, "/consultations", "{\"party\":\"某区住房和城乡建设局\",\"kind\":\"AGENCY\",\"sentOn\":\"2026-03-23\"}");
        awaitRequest(request, s -> s.path("consultations").size() == 2);
        String agencyConsultation = services.get(services.queryUrl + "/api/requests/" + request).json().get("consultations").get(1)
                                            .get("consultationId").asText();
        step(request, "/extension", "{\"grantedOn\":\"2026-03-25\",\"workingDays\":10,\"approvedBy\":\"王主任\",\"reason\":\"需要调取档案\"}");
        awaitRequest(request, s -> s.path("extension").isObject());
        String extensionWhenGranted = letter(request, "EXTENSION_NOTICE");
        step(request, "/consultations/" + agencyConsultation + "/reply", "{\"repliedOn\":\"2026-04-02\",\"consents\":true}");
        awaitRequest(request, s -> s.get("consultations").get(1).path("repliedOn").isTextual());
        assertThat(letter(request, "EXTENSION_NOTICE")).as("the letter says what was known when the extension was granted")
                                                      .isEqualTo(extensionWhenGranted);
        assertThat(letter(request, "CONSULTATION_LETTER?consultationId=" + agencyConsultation))
                .contains("某区住房和城乡建设局：", "第三十四条", "视为同意公开");

        String correction = letter(request, "CORRECTION_NOTICE");
        assertThat(correction).contains("补正告知书", caseNumber, "1. 所需文件的名称或文号", "2. 所需信息的形成时间", "不晚于2026年3月13日",
                                        "第三十条", "7个工作日内", "一次性告知", "重新计算", "2026年3月4日");
        String consultation = letter(request, "CONSULTATION_LETTER?consultationId=" + consultationId);
        // 15 working days from 10 March 2026: 31 March
        assertThat(consultation).contains("某建设工程有限公司：", "第三十二条", "自收到本函之日起15个工作日内", caseNumber).doesNotContain("李四");
        String extension = letter(request, "EXTENSION_NOTICE");
        assertThat(extension).contains("延期答复告知书", "王主任", "延长10个工作日", "需要调取档案",
                                       "第三十三条第二款", "2026年3月25日");
        var dates = java.util.regex.Pattern.compile("原答复期限（(\\d+)年(\\d+)月(\\d+)日）.*不晚于(\\d+)年(\\d+)月(\\d+)日作出答复").matcher(extension);
        assertThat(dates.find()).as(extension).isTrue();
        var original = java.time.LocalDate.of(Integer.parseInt(dates.group(1)), Integer.parseInt(dates.group(2)), Integer.parseInt(dates.group(3)));
        var extendedDue = java.time.LocalDate.of(Integer.parseInt(dates.group(4)), Integer.parseInt(dates.group(5)), Integer.parseInt(dates.group(6)));
        assertThat(extendedDue).as("ten working days later, at least two weeks").isAfterOrEqualTo(original.plusDays(14));

        api.decide(request, "NOT_DISCLOSED_THIRD_PARTY_RIGHTS", "2026-04-10");
        awaitRequest(request, s -> s.path("decidedOn").isTextual());
        String reply = letter(request, "REPLY");
        assertThat(reply).contains("政府信息公开申请答复书", caseNumber, "李四：", "第十五条、第三十六条第（三）项", "不予公开",
                                   "六十日内", "行政复议", "六个月内", "行政诉讼", "2026年4月10日");

        // the letters are listed on the request and beside their steps in its history
        JsonNode state = services.get(services.queryUrl + "/api/requests/" + request).json();
        assertThat(state.get("letters").findValuesAsText("kind"))
                .containsExactly("RECEIPT", "CORRECTION_NOTICE", "CONSULTATION_LETTER", "CONSULTATION_LETTER", "EXTENSION_NOTICE", "REPLY");
        assertThat(state.get("letters").findValuesAsText("label")).contains("征求第三方意见函（某建设工程有限公司）",
                                                                            "征求其他机关意见函（某区住房和城乡建设局）");
        JsonNode history = services.get(services.queryUrl + "/api/requests/" + request + "/history").json();
        Map<String, String> letterByStep = new java.util.HashMap<>();
        history.get("events").forEach(e -> {
            if (e.has("letter")) {
                letterByStep.put(e.get("type").asText(), e.get("letter").get("kind").asText());
            }
        });
        assertThat(letterByStep).containsEntry("RequestReceived", "RECEIPT").containsEntry("CorrectionRequested", "CORRECTION_NOTICE")
                                .containsEntry("ConsultationSent", "CONSULTATION_LETTER").containsEntry("DeadlineExtended", "EXTENSION_NOTICE")
                                .containsEntry("RequestDecided", "REPLY").doesNotContainKey("CorrectionReceived");

        // the applicant's name is in every letter: the agency's own staff only
        api.createUser("letter-auditor", PASSWORD, "AUDITOR", agencyId);
        var auditor = services.as("letter-auditor", PASSWORD).get(services.queryUrl + "/api/requests/" + request + "/letters/REPLY");
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.json().get("detail").asText()).contains("个人信息");
        api.registerAgency("letters-elsewhere", "某市生态环境局");
        api.createUser("letter-elsewhere", PASSWORD, "OFFICER", "letters-elsewhere");
        assertThat(services.as("letter-elsewhere", PASSWORD).get(services.queryUrl + "/api/requests/" + request + "/letters/RECEIPT")
                           .status()).isEqualTo(403);
    }

    @Test
    void the_answer_s_wording_and_article_fit_its_result_and_a_fee_notice_states_the_amount_and_the_109_bands() throws Exception {
        String agencyId = "letters-results";
        agency(agencyId, "某县住房和城乡建设局", "letter-zhou");
        Map<String, List<String>> expected = Map.of(
                "DISCLOSED", List.of("第三十六条第（二）项", "予以公开", "第四十一条"),
                "UNABLE_NOT_HELD", List.of("第三十六条第（四）项", "不存在"),
                "UNABLE_NEEDS_CREATION", List.of("第三十八条", "加工、分析"),
                "NOT_PROCESSED_PETITION_COMPLAINT", List.of("第三十九条第一款", "信访、投诉、举报"),
                "NOT_PROCESSED_DUPLICATE", List.of("第三十六条第（六）项", "不予重复处理"),
                "NOT_PROCESSED_EXCESSIVE", List.of("第三十五条"),
                "NOT_DISCLOSED_PROCESS_INFORMATION", List.of("第十六条第二款", "过程性信息", "第三十六条第（三）项"));
        for (var result : expected.entrySet()) {
            String request = api.logRequest(agencyId, "2026-05-06", "LETTER", "COMMERCIAL_ENTERPRISE", "某某公司");
            api.decide(request, result.getKey(), "2026-05-20");
            await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.get(services.queryUrl + "/api/requests/" + request
                                                                                 + "/letters/REPLY?format=json").status() == 200);
            JsonNode reply = json(request, "REPLY");
            String text = String.join("\n", reply.findValuesAsText("paragraphs").isEmpty() ? List.of() :
                    java.util.stream.StreamSupport.stream(reply.get("paragraphs").spliterator(), false).map(JsonNode::asText).toList());
            assertThat(text).as(result.getKey()).contains(result.getValue()).contains("某某公司：", "六十日内", "六个月内");
            if (!result.getKey().equals("DISCLOSED")) {
                assertThat(text).as(result.getKey()).doesNotContain("第四十一条");
            }
        }

        // two items of Art. 36 under one code: the officer chooses which the letter says
        String notHeld = api.logRequest(agencyId, "2026-05-07", "LETTER", "NATURAL_PERSON", "钱八");
        api.decide(notHeld, "UNABLE_NOT_HELD", "2026-05-21");
        await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.get(services.queryUrl + "/api/requests/" + notHeld
                                                                             + "/letters/REPLY?format=json").status() == 200);
        JsonNode listed = supervisor.get(services.queryUrl + "/api/requests/" + notHeld + "/letters").json();
        assertThat(listed.get("letters").findValuesAsText("kind")).containsExactly("RECEIPT", "REPLY");
        assertThat(listed.get("letters").findValuesAsText("href")).contains("/api/requests/" + notHeld + "/letters/REPLY");
        assertThat(listed.get("grounds").findValuesAsText("ground")).containsExactly("NOT_EXIST", "OTHER_AGENCY");
        assertThat(letter(notHeld, "REPLY?ground=OTHER_AGENCY")).contains("第三十六条第（五）项", "【请在此写明负责公开该政府信息的行政机关")
                                                                .doesNotContain("第三十六条第（四）项");
        var unknownGround = supervisor.get(services.queryUrl + "/api/requests/" + notHeld + "/letters/REPLY?ground=PUBLISHED");
        assertThat(unknownGround.status()).isEqualTo(400);
        assertThat(unknownGround.json().get("detail").asText()).contains("OTHER_AGENCY");

        // a partial disclosure gives its reasons (the officer's note) right after the wording, then Art. 41
        String partial = api.logRequest(agencyId, "2026-05-08", "ONLINE", "NATURAL_PERSON", "孙九");
        var decided = services.post(services.commandUrl + "/api/requests/" + partial + "/decision",
                "{\"result\":\"PARTIALLY_DISCLOSED\",\"decidedOn\":\"2026-05-22\",\"note\":\"合同中的报价部分属于商业秘密，不予公开\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.get(services.queryUrl + "/api/requests/" + partial
                                                                             + "/letters/REPLY?format=json").status() == 200);
        List<String> paragraphs = java.util.stream.StreamSupport.stream(json(partial, "REPLY").get("paragraphs").spliterator(), false)
                                                                .map(JsonNode::asText).toList();
        int wording = indexOf(paragraphs, "理由如下");
        assertThat(paragraphs.get(wording + 1)).isEqualTo("合同中的报价部分属于商业秘密，不予公开");
        assertThat(paragraphs.get(wording + 2)).contains("第四十一条");
        assertThat(paragraphs.get(wording + 3)).contains("六十日内");

        // a due date in a year whose holidays are not published yet is said to be provisional (the shipped calendar ends in 2026)
        String lateInTheYear = api.logRequest(agencyId, "2026-12-04", "ONLINE", "NATURAL_PERSON", "周十");
        await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.get(services.queryUrl + "/api/requests/" + lateInTheYear
                                                                             + "/letters/RECEIPT?format=json").status() == 200);
        assertThat(json(lateInTheYear, "RECEIPT").get("provisional").asBoolean()).isTrue();
        assertThat(json(notHeld, "RECEIPT").get("provisional").asBoolean()).isFalse();

        String unpaid = api.logRequest(agencyId, "2026-06-01", "ONLINE", "NATURAL_PERSON", "赵六");
        step(unpaid, "/fee-notice", "{\"issuedOn\":\"2026-06-03\",\"amountYuan\":700,\"basis\":\"BY_VOLUME\",\"dueOn\":\"2026-07-01\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.get(services.queryUrl + "/api/requests/" + unpaid
                                                                             + "/letters/FEE_NOTICE?format=json").status() == 200);
        String fee = letter(unpaid, "FEE_NOTICE");
        assertThat(fee).contains("收费通知书", "赵六：", "按量计收", "700元", "不晚于2026年7月1日", "第四十二条", "国办函〔2020〕109号",
                                 "31—100 页", "每页收费 10 元", "视为放弃申请");
        api.decide(unpaid, "OTHER_FEE_UNPAID", "2026-07-02");
        await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.get(services.queryUrl + "/api/requests/" + unpaid
                                                                             + "/letters/REPLY?format=json").status() == 200);
        assertThat(letter(unpaid, "REPLY")).contains("第四十二条", "逾期未按通知要求缴纳费用");
    }

    @Test
    void an_agency_edits_its_templates_in_versions_previews_a_draft_without_saving_it_and_can_still_make_a_letter_with_an_earlier_version()
            throws Exception {
        String agencyId = "letters-templates";
        agency(agencyId, "某区教育局", "letter-qian");
        String request = api.logRequest(agencyId, "2026-09-01", "IN_PERSON", "NATURAL_PERSON", "孙七");
        awaitRequest(request, s -> s.path("caseNumber").isTextual());
        String url = services.commandUrl + "/api/agencies/" + agencyId + "/letter-templates/RECEIPT";
        api.createUser("letter-officer", PASSWORD, "OFFICER", agencyId);
        long stored = services.eventStore().size();

        // refused, nothing stored: a field unknown, a field of another letter, no title, unbalanced braces, an unknown letter
        var unknown = supervisor.put(url, "{\"title\":\"回执\",\"body\":\"{{申请人}}：{{申请人电话}}\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("{{申请人电话}}", "{{登记编号}}");
        var foreign = supervisor.put(url, "{\"title\":\"回执\",\"body\":\"{{申请人}}：{{缴费期限}}\"}");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("detail").asText()).contains("{{缴费期限}}", "不属于受理回执");
        assertThat(supervisor.put(url, "{\"body\":\"{{申请人}}：\"}").status()).isEqualTo(400);
        assertThat(supervisor.put(url, "{\"title\":\"回执\",\"body\":\"{{申请人：\"}").status()).isEqualTo(400);
        assertThat(supervisor.put(services.commandUrl + "/api/agencies/" + agencyId + "/letter-templates/SUMMONS",
                                  "{\"title\":\"回执\",\"body\":\"正文\"}").status()).isEqualTo(404);
        assertThat(services.as("letter-officer", PASSWORD).put(url, "{\"title\":\"回执\",\"body\":\"正文\"}").status())
                .as("an officer does not edit templates").isEqualTo(403);
        assertThat(services.eventStore().size()).isEqualTo(stored);

        // a preview fills a draft with a request of the agency, or a made-up one, and saves nothing
        String draft = "{\"title\":\"受理回执（{{机关名称}}）\",\"body\":\"{{申请人}}：\\n您的申请（{{登记编号}}）已于{{收到日期}}收到，请留意{{答复期限}}。\"";
        var preview = supervisor.post(services.queryUrl + "/api/agencies/" + agencyId + "/letter-templates/RECEIPT/preview?format=json",
                                      draft + ",\"requestId\":\"" + request + "\"}");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("title").asText()).isEqualTo("受理回执（某区教育局）");
        assertThat(preview.json().get("paragraphs").get(1).asText()).contains("2026年9月1日", "〔2026〕1号");
        String caseNumber = services.get(services.queryUrl + "/api/requests/" + request).json().get("caseNumber").asText();
        var byCaseNumber = supervisor.post(services.queryUrl + "/api/agencies/" + agencyId + "/letter-templates/RECEIPT/preview?format=json",
                                           draft + ",\"requestId\":\"" + caseNumber + "\"}");
        assertThat(byCaseNumber.json().get("paragraphs").get(0).asText()).as("found by its case number").isEqualTo("孙七：");
        var made = supervisor.post(services.queryUrl + "/api/agencies/" + agencyId + "/letter-templates/REPLY/preview?format=json",
                                   "{\"title\":\"答复书\",\"body\":\"{{答复意见}}\\n{{救济途径}}\",\"result\":\"UNABLE_NEEDS_CREATION\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        assertThat(made.json().get("paragraphs").get(0).asText()).contains("第三十八条");
        var badPreview = supervisor.post(services.queryUrl + "/api/agencies/" + agencyId + "/letter-templates/RECEIPT/preview",
                                         "{\"title\":\"回执\",\"body\":\"{{补正期限}}\"}");
        assertThat(badPreview.status()).isEqualTo(400);
        var withoutRemedies = supervisor.post(services.queryUrl + "/api/agencies/" + agencyId + "/letter-templates/REPLY/preview",
                                              "{\"title\":\"答复书\",\"body\":\"{{申请人}}：\\n{{答复意见}}\"}");
        assertThat(withoutRemedies.status()).isEqualTo(400);
        assertThat(withoutRemedies.json().get("detail").asText()).as("the remedies must be told").contains("{{救济途径}}");
        assertThat(services.eventStore().size()).as("a preview saves nothing").isEqualTo(stored);

        // saved: version 1; the same text again stores nothing; a change is version 2
        var saved = supervisor.put(url, draft + "}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(1);
        assertThat(supervisor.put(url, draft + "}").json().get("version").asInt()).isEqualTo(1);
        assertThat(services.eventStore().size()).isEqualTo(stored + 1);
        var second = supervisor.put(url, "{\"title\":\"受理通知\",\"body\":\"{{申请人}}：\\n已于{{收到日期}}收到，编号{{登记编号}}，不晚于{{答复期限}}答复。\"}");
        assertThat(second.json().get("version").asInt()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(30)).until(() -> json(request, "RECEIPT").get("templateVersion").asInt() == 2);
        assertThat(letter(request, "RECEIPT")).contains("受理通知", "孙七：", "收到，编号").doesNotContain("受理回执");
        assertThat(letter(request, "RECEIPT?templateVersion=1")).contains("受理回执（某区教育局）", "请留意2026年");
        assertThat(letter(request, "RECEIPT?templateVersion=0")).contains("政府信息公开申请受理回执", "第三十三条第二款");
        assertThat(supervisor.get(services.queryUrl + "/api/requests/" + request + "/letters/RECEIPT?templateVersion=7").status()).isEqualTo(404);

        JsonNode templates = supervisor.get(services.queryUrl + "/api/agencies/" + agencyId + "/letter-templates").json();
        JsonNode receipt = java.util.stream.StreamSupport.stream(templates.get("templates").spliterator(), false)
                                                         .filter(t -> t.get("kind").asText().equals("RECEIPT")).findFirst().orElseThrow();
        assertThat(receipt.get("version").asInt()).isEqualTo(2);
        assertThat(receipt.get("versions").findValuesAsText("title")).containsExactly("受理回执（{{机关名称}}）", "受理通知");
        assertThat(receipt.get("fields").findValuesAsText("name")).contains("登记编号", "答复期限").doesNotContain("缴费期限");
        JsonNode others = java.util.stream.StreamSupport.stream(templates.get("templates").spliterator(), false)
                                                        .filter(t -> t.get("kind").asText().equals("REPLY")).findFirst().orElseThrow();
        assertThat(others.get("version").asInt()).as("the default until saved").isZero();

        // an administrator may edit an agency's templates too
        var admin = services.as("admin", Services.ADMIN_PASSWORD).put(url, "{\"title\":\"受理通知\",\"body\":\"{{申请人}}：\\n已于{{收到日期}}收到，不晚于{{答复期限}}答复。\"}");
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(admin.json().get("version").asInt()).isEqualTo(3);
    }
}
