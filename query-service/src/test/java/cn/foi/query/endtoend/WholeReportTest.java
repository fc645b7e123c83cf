package cn.foi.query.endtoend;

import cn.foi.query.table.PublishedTable;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three example reports rebuilt as whole documents through the public API: the agency's own texts saved, the
 * requests of the year logged and answered, the year closed; the document's headings in order, its tables equal to
 * the printed ones, its generated paragraph, its Word file, and its publication, correction and check.
 */
class WholeReportTest extends EndToEndTest {

    private static final List<String> HEADINGS = List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                                         "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");

    private static String example(String name) throws IOException {
        try (InputStream in = WholeReportTest.class.getResourceAsStream("/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The agency's own text of a part of an example: the lines between its heading and the next. */
    private static String part(String report, String heading, String next) {
        int from = report.indexOf("\n" + heading + "\n") + heading.length() + 2;
        int to = next == null ? report.length() : report.indexOf("\n" + next + "\n", from);
        return report.substring(from, to).strip();
    }

    private JsonNode report(String agency, int year) {
        var response = services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-reports/" + year);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String reportText(String agency, int year) {
        return services.get(services.queryUrl + "/api/agencies/" + agency + "/annual-reports/" + year + "?format=text").body();
    }

    private Services.Response saveTexts(String agency, int year, Map<String, String> sections) {
        try {
            return services.put(services.commandUrl + "/api/agencies/" + agency + "/years/" + year + "/report-text",
                                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("sections", sections)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Services.Response publish(String agency, int year, String reason) {
        return services.post(services.commandUrl + "/api/agencies/" + agency + "/annual-reports/" + year + "/publication",
                             reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}");
    }

    /** Saves the example's opening, 一, 五 and 六 as the agency's texts, 一 with the generated paragraph's marker. */
    private void saveExampleTexts(String agency, String example) {
        String overview = part(example, HEADINGS.get(0), HEADINGS.get(1));
        var saved = saveTexts(agency, 2024, Map.of("OVERVIEW", overview + "\n{{依申请公开}}",
                                                   "PROBLEMS", part(example, HEADINGS.get(4), HEADINGS.get(5)),
                                                   "OTHER", part(example, HEADINGS.get(5), null)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private void assertWholeDocument(String agency, String example) throws IOException {
        PublishedTable expected = PublishedTable.parse(example);
        await().atMost(Duration.ofSeconds(30)).until(() -> report(agency, 2024).get("version").asInt() >= 1);
        JsonNode report = report(agency, 2024);
        List<String> codes = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        report.get("sections").forEach(section -> {
            codes.add(section.get("code").asText());
            if (!section.get("heading").asText().isEmpty()) {
                headings.add(section.get("heading").asText());
            }
        });
        assertThat(codes).containsExactly("OPENING", "OVERVIEW", "PROACTIVE", "APPLICATIONS", "REVIEWS", "PROBLEMS", "OTHER");
        assertThat(headings).isEqualTo(HEADINGS);
        List<String> exampleHeadings = example.lines().filter(HEADINGS::contains).distinct().toList();
        assertThat(headings).as("the example prints the same six headings in the same order").isEqualTo(exampleHeadings);

        String text = reportText(agency, 2024);
        assertThat(text).startsWith(report.get("title").asText() + "\n");
        PublishedTable printed = PublishedTable.parse(text);
        assertThat(printed.applications()).as("table 三 of the whole document").isEqualTo(expected.applications());
        assertThat(printed.reviews()).as("table 四 of the whole document").isEqualTo(expected.reviews());
        int last = -1;
        for (String heading : HEADINGS) {
            int at = text.indexOf("\n" + heading + "\n");
            assertThat(at).as(heading + " after the one before").isGreaterThan(last);
            last = at;
        }
        assertThat(section(report, "PROBLEMS").get("text").asText()).isEqualTo(part(example, HEADINGS.get(4), HEADINGS.get(5)));
        assertThat(section(report, "OTHER").get("text").asText()).startsWith(section(report, "OTHER").get("generated").asText());
        assertThat(section(report, "OVERVIEW").get("text").asText()).contains(section(report, "OVERVIEW").get("generated").asText())
                                                                    .doesNotContain("{{依申请公开}}");

        byte[] docx = services.download(services.queryUrl + "/api/agencies/" + agency + "/annual-reports/2024?format=docx");
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = word.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).containsSubsequence(HEADINGS);
            assertThat(paragraphs.get(0)).isEqualTo(report.get("title").asText());
            assertThat(word.getTables()).as("table 二's four blocks, 三 and 四").hasSize(6);
            XWPFTable table3 = word.getTables().get(4);
            assertThat(table3.getText()).contains("本年新收政府信息公开申请数量", "结转下年度继续办理");
            assertThat(table3.getRow(0).getCell(0).getCTTc().getTcPr().getVMerge()).as("the header's merged label cell").isNotNull();
            String body = word.getParagraphs().stream().filter(p -> p.getText().startsWith("根据")).findFirst().orElseThrow()
                              .getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia);
            assertThat(body).isEqualTo("仿宋");
            assertThat(word.getFooterList()).isNotEmpty();
            assertThat(word.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText()).contains("PAGE");
        }
    }

    private static JsonNode section(JsonNode report, String code) {
        for (JsonNode section : report.get("sections")) {
            if (section.get("code").asText().equals(code)) {
                return section;
            }
        }
        throw new AssertionError("no section " + code);
    }

    @Test
    void xixia_district_office_2024_as_a_whole_document_published_and_corrected() throws Exception {
        String example = example("xixia-district-office-2024.txt");
        String agency = "whole-xixia";
        api.registerAgency(agency, "西夏区人民政府办公室");
        api.closeYear(agency, 2023);
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            requests.add(api.logRequest(agency, "2024-0" + (1 + i) + "-1" + i, i < 7 ? "ONLINE" : "LETTER", "NATURAL_PERSON"));
        }
        for (int i = 0; i < 8; i++) {
            api.decide(requests.get(i), "DISCLOSED", "2024-0" + (1 + i) + "-2" + i);
        }
        api.decide(requests.get(8), "NOT_PROCESSED_DUPLICATE", "2024-09-28");
        var filed = services.post(services.commandUrl + "/api/requests/" + requests.get(8) + "/reviews",
                                  "{\"kind\":\"RECONSIDERATION\",\"filedOn\":\"2024-10-15\"}");
        services.post(services.commandUrl + "/api/reviews/" + filed.json().get("reviewId").asText() + "/conclusion",
                      "{\"result\":\"UPHELD\",\"concludedOn\":\"2024-12-10\"}");
        services.put(services.commandUrl + "/api/agencies/" + agency + "/years/2024/proactive-disclosure",
                     "{\"NORMATIVE_DOCUMENTS\":{\"MADE\":0,\"REPEALED\":1,\"IN_FORCE\":10}}");
        saveExampleTexts(agency, example);

        var early = publish(agency, 2024, null);
        assertThat(early.status()).as("an open year is not published").isEqualTo(409);
        assertThat(early.json().get("detail").asText()).contains("尚未关闭");

        api.closeYear(agency, 2024);
        await().atMost(Duration.ofSeconds(30)).until(() -> report(agency, 2024).get("closed").asBoolean()
                                                           && report(agency, 2024).get("tables").get("reviews").get("RECONSIDERATION_TOTAL").asInt() == 1);
        assertWholeDocument(agency, example);
        String paragraph = section(report(agency, 2024), "OVERVIEW").get("generated").asText();
        assertThat(paragraph).contains("共收到政府信息公开申请9件", "网络申请7件，约占申请总数的78%", "信函申请2件，约占申请总数的22%",
                                       "自然人9件", "本年度办结9件", "予以公开8件", "不予处理1件", "无结转下年度继续办理的申请");
        assertThat(section(report(agency, 2024), "OTHER").get("generated").asText()).isEqualTo("本年度未收取信息处理费。");

        String before = reportText(agency, 2024);
        var first = publish(agency, 2024, null);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("publication").asInt()).isEqualTo(1);
        String digest = first.json().get("digest").asText();
        // SHA-256 of the text's UTF-8 bytes, computed here without the project's code
        byte[] sha256 = java.security.MessageDigest.getInstance("SHA-256").digest(before.getBytes(StandardCharsets.UTF_8));
        assertThat(digest).isEqualTo(String.format("%064x", new java.math.BigInteger(1, sha256)));
        assertThat(first.json().get("readable").asBoolean()).isTrue();
        String firstPath = "/api/agencies/" + agency + "/annual-reports/2024/publications/1";
        assertThat(services.get(services.queryUrl + firstPath).status()).as("readable as soon as it is answered").isEqualTo(200);
        assertThat(first.json().get("publishedAt").asText())
                .isEqualTo(services.get(services.queryUrl + firstPath).json().get("publishedAt").asText());

        var again = publish(agency, 2024, null);
        assertThat(again.status()).as("a second publication needs a reason").isEqualTo(400);
        assertThat(again.json().get("detail").asText()).contains("理由");

        var corrected = saveTexts(agency, 2024, Map.of("PROBLEMS", "更正后的问题与改进情况。"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        // the query service takes the report's writes at their own paths too, passing them on to the command service
        var second = services.post(services.queryUrl + "/api/agencies/" + agency + "/annual-reports/2024/publication",
                                   "{\"reason\":\"更正第五部分的文字\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("publication").asInt()).isEqualTo(2);

        String publications = services.queryUrl + "/api/agencies/" + agency + "/annual-reports/2024/publications/";
        await().atMost(Duration.ofSeconds(30)).until(() -> services.get(publications + "2").status() == 200);
        assertThat(services.get(publications + "1?format=text").body()).as("the first publication as it was").isEqualTo(before);
        assertThat(services.get(publications + "2?format=text").body()).contains("更正后的问题与改进情况。").isNotEqualTo(before);
        JsonNode one = services.get(publications + "1").json();
        assertThat(one.get("digest").asText()).isEqualTo(digest);
        assertThat(one.get("digestMatchesText").asBoolean()).isTrue();
        assertThat(one.get("publishedBy").asText()).isEqualTo(Services.HARNESS_USER);
        assertThat(services.get(publications + "2").json().get("reason").asText()).isEqualTo("更正第五部分的文字");
        // the publication names the log it was drafted from, in its text (under its digest) and as basedOn; the auditor checks it
        JsonNode basedOn = services.get(publications + "1").json().get("basedOn");
        assertThat(before).contains("数据出处：事件日志全局序号 0 至 " + basedOn.get("globalIndex").asLong() + " ", basedOn.get("head").asText());
        JsonNode provenance = services.as("admin", Services.ADMIN_PASSWORD).get(services.queryUrl + "/api/audit/verification?globalIndex="
                + basedOn.get("globalIndex").asLong() + "&head=" + basedOn.get("head").asText()).json();
        assertThat(provenance.at("/basedOn/matches").asBoolean()).as(provenance.toString()).isTrue();
        JsonNode listed = report(agency, 2024).get("published");
        assertThat(listed).hasSize(2);
        assertThat(services.download(publications + "1?format=docx")).isNotEmpty();
        assertThat(services.get(publications + "1?format=html").body()).contains("<h2>三、收到和处理政府信息公开申请情况</h2>", "rowspan");

        // the document as it stood when it was first published: the same text, one publication, the first texts
        String firstAt = services.get(services.queryUrl + firstPath).json().get("publishedAt").asText();
        String asOf = services.queryUrl + "/api/agencies/" + agency + "/annual-reports/2024?asOf=" + firstAt;
        assertThat(services.get(asOf + "&format=text").body()).isEqualTo(before);
        assertThat(services.get(asOf).json().get("published")).hasSize(1);
        assertThat(services.get(asOf).json().get("version").asInt()).isEqualTo(1);
        assertThat(services.get(asOf).json().get("asOf").asText()).isNotEmpty();

        JsonNode check = services.get(publications + "1/check").json();
        assertThat(check.get("matches").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("figures").asInt()).as("table 三 25 × 7, table 四 15, table 二 10").isEqualTo(200);
        var third = services.get(publications + "3");
        assertThat(third.status()).isEqualTo(404);
        assertThat(third.json().get("detail").asText()).contains("没有第 3 次发布", "已发布 2 次");
    }

    @Test
    void ningxia_offices_administration_2024_as_a_whole_document() throws IOException {
        String example = example("ningxia-offices-admin-2024.txt");
        String agency = "whole-ningxia";
        api.registerAgency(agency, "自治区机关事务管理局");
        api.closeYear(agency, 2024);
        saveExampleTexts(agency, example);
        assertWholeDocument(agency, example);
        assertThat(section(report(agency, 2024), "OVERVIEW").get("generated").asText()).contains("未收到政府信息公开申请");
    }

    @Test
    void zhongwei_offices_service_2024_as_a_whole_document() throws IOException {
        String example = example("zhongwei-offices-service-2024.txt");
        String agency = "whole-zhongwei";
        api.registerAgency(agency, "中卫市机关事务服务中心");
        api.closeYear(agency, 2024);
        saveExampleTexts(agency, example);
        assertWholeDocument(agency, example);
        var published = publish(agency, 2024, null);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
    }

    @Test
    void bad_texts_are_refused_and_nothing_is_stored() {
        String agency = "whole-bad-input";
        api.registerAgency(agency, "某县统计局");
        var unknown = saveTexts(agency, 2024, Map.of("SUMMARY", "……"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("未知的章节代码 SUMMARY", "OVERVIEW");
        var generated = saveTexts(agency, 2024, Map.of("APPLICATIONS", "……"));
        assertThat(generated.status()).isEqualTo(400);
        assertThat(generated.json().get("detail").asText()).contains("由系统根据记录的数据生成");
        var tooLong = saveTexts(agency, 2024, Map.of("PROBLEMS", "字".repeat(20_001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asText()).contains("20000");
        var mixed = saveTexts(agency, 2024, Map.of("PROBLEMS", "可以保存的文字", "SUMMARY", "……"));
        assertThat(mixed.status()).as("one bad part refuses the whole save").isEqualTo(400);
        var future = saveTexts(agency, 2099, Map.of("PROBLEMS", "……"));
        assertThat(future.status()).isEqualTo(422);
        var nobody = saveTexts("no-such-agency", 2024, Map.of("PROBLEMS", "……"));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.json().get("detail").asText()).contains("机构 no-such-agency 不存在");
        var unpublishable = publish("no-such-agency", 2024, null);
        assertThat(unpublishable.status()).isEqualTo(404);
        assertThat(unpublishable.json().get("detail").asText()).contains("机构 no-such-agency 不存在");
        var misplaced = saveTexts(agency, 2024, Map.of("PROBLEMS", "……{{依申请公开}}"));
        assertThat(misplaced.status()).as("a marker where it does not belong").isEqualTo(400);
        assertThat(misplaced.json().get("detail").asText()).contains("五、存在的主要问题及改进情况");
        var control = saveTexts(agency, 2024, Map.of("PROBLEMS", "文字\u0007文字"));
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.json().get("detail").asText()).contains("控制字符");

        var fine = saveTexts(agency, 2024, Map.of("PROBLEMS", "第一版"));
        assertThat(fine.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> report(agency, 2024).get("version").asInt() == 1);
        JsonNode report = report(agency, 2024);
        assertThat(report.get("version").asInt()).as("only the good save is a version").isEqualTo(1);
        assertThat(section(report, "PROBLEMS").get("text").asText()).isEqualTo("第一版");
        assertThat(report.get("textVersions")).hasSize(1);
        JsonNode saved = report.get("textVersions").get(0);
        assertThat(saved.get("recordedBy").asText()).isEqualTo(Services.HARNESS_USER);
        assertThat(saved.get("sections").toString()).isEqualTo("[\"PROBLEMS\"]");
        assertThat(saved.get("recordedAt").asText()).isNotEmpty();
    }
}
