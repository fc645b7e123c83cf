package cn.foi.query.endtoend;

import cn.foi.events.codes.ResultCode;
import cn.foi.query.table.ApplicationRow;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The codes and their official labels, served from the one place both services state them. */
class CodesTest extends EndToEndTest {

    @Test
    void every_result_code_is_served_with_its_label_its_printed_row_and_its_group() {
        JsonNode codes = services.get(services.queryUrl + "/api/codes").json();

        assertThat(codes.get("result").size()).isEqualTo(21);
        for (ResultCode result : ResultCode.values()) {
            assertThat(codes.at("/result/" + result.name()).asText()).isEqualTo(result.label());
        }
        assertThat(codes.at("/resultItem/NOT_DISCLOSED_PROHIBITED_BY_LAW").asText()).isEqualTo("2.其他法律行政法规禁止公开");
        List<String> groups = new ArrayList<>();
        codes.get("resultGroups").forEach(group -> groups.add(group.get("printed").asText() + " " + group.get("codes").size()));
        assertThat(groups).containsExactly("(一) 予以公开 1", "(二) 部分公开 1", "(三) 不予公开 8", "(四) 无法提供 3", "(五) 不予处理 5",
                                           "(六) 其他处理 3");
        List<String> rows = new ArrayList<>();
        codes.get("applicationRows").forEach(row -> rows.add(row.get("code").asText()));
        assertThat(rows).containsExactlyElementsOf(java.util.Arrays.stream(ApplicationRow.values()).map(Enum::name).toList());
        assertThat(codes.at("/applicationRows/5/label").asText()).isEqualTo("三、本年度办理结果 (三) 不予公开 2.其他法律行政法规禁止公开");
        assertThat(codes.at("/applicantColumn/TOTAL").asText()).isEqualTo("总计");
        assertThat(codes.get("applicantColumnGroup").asText()).isEqualTo("法人或其他组织");
        assertThat(codes.at("/reviewResult/PENDING").asText()).isEqualTo("尚未审结");
        assertThat(codes.at("/periods/answerWorkingDays").asInt()).isEqualTo(cn.foi.events.rules.AnswerPeriod.WORKING_DAYS);
    }

    @Test
    void the_statistics_form_of_years_up_to_2018_and_its_old_results_are_served_with_their_printed_labels() {
        JsonNode codes = services.get(services.queryUrl + "/api/codes").json();

        assertThat(codes.get("legacyResult").size()).isEqualTo(cn.foi.events.codes.LegacyResultCode.values().length);
        assertThat(codes.at("/legacyResult/REFUSED_STATE_SECRET").asText()).isEqualTo("不同意公开：涉及国家秘密");
        JsonNode items = codes.get("legacyItems");
        assertThat(items.size()).isEqualTo(cn.foi.events.codes.LegacyStatisticsItem.values().length);
        assertThat(items.get(0).get("code").asText()).isEqualTo("PROACTIVE_ITEMS");
        JsonNode received = items.findParents("code").stream().filter(item -> item.get("code").asText().equals("RECEIVED"))
                                 .findFirst().orElseThrow();
        assertThat(received.get("label").asText()).isEqualTo("三、依申请公开情况（一）收到申请数");
        assertThat(received.get("unit").asText()).isEqualTo("件");
        assertThat(received.get("source").asText()).isEqualTo("EVENTS");
        assertThat(codes.get("lastYearUnder2008Regulations").asInt()).isEqualTo(cn.foi.events.rules.ReportingYear.LAST_UNDER_2008_REGULATIONS);
    }
}
