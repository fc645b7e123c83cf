package cn.foi.query.codes;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.FeeBasis;
import cn.foi.events.codes.LegacyResultCode;
import cn.foi.events.codes.LegacyStatisticsItem;
import cn.foi.events.codes.ResultCode;
import cn.foi.events.codes.ReviewBlock;
import cn.foi.events.codes.ReviewResult;
import cn.foi.events.rules.AnswerPeriod;
import cn.foi.events.rules.ReportingYear;
import cn.foi.query.table.ApplicantColumn;
import cn.foi.query.table.ApplicationRow;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The codes of the public contract with their official labels, as the enums that both services use state them:
 * the web application (and any client) reads its labels here instead of keeping a copy.
 */
@RestController
class CodesController {

    /** A row of table 三 as printed: its section, group and item (empty where the printed table leaves them blank). */
    record Row(String code, String section, String group, String item, String label) {
    }

    /** The result codes under one printed group of table 三's 三、本年度办理结果. */
    record ResultGroup(String title, String printed, List<String> codes) {
    }

    /** The periods of the Regulations in working days (AnswerPeriod), for forms that explain them. */
    record Periods(int answerWorkingDays, int maxExtensionWorkingDays, int correctionNoticeWorkingDays) {
    }

    /** An item of the statistics form of years up to 2018: from events, or recorded by the agency. */
    record LegacyItem(String code, String label, String unit, String source) {
    }

    record Codes(Map<String, String> applicantType, Map<String, String> applicantColumn, String applicantColumnGroup,
                 Map<String, String> result, Map<String, String> resultItem, List<ResultGroup> resultGroups,
                 List<Row> applicationRows, Map<String, String> channel, Map<String, String> reviewBlock,
                 Map<String, String> reviewResult, Map<String, String> feeBasis, Periods periods,
                 Map<String, String> legacyResult, List<LegacyItem> legacyItems, int lastYearUnder2008Regulations,
                 Map<String, String> status, Map<String, String> idType) {
    }

    private static final Codes CODES = stated();

    @GetMapping("/api/codes")
    Codes codes() {
        return CODES;
    }

    private static Codes stated() {
        Map<String, String> reviewResult = labelled(ReviewResult.values(), ReviewResult::label);
        reviewResult.put("PENDING", "尚未审结");
        reviewResult.put("TOTAL", "总计");
        Map<String, String> resultItem = new LinkedHashMap<>();
        List<ResultGroup> groups = new ArrayList<>();
        for (ApplicationRow row : ApplicationRow.values()) {
            row.result().ifPresent(result -> {
                resultItem.put(result.name(), row.item());
                if (!row.group().isEmpty()) {
                    String printed = row.group().replaceFirst("（.*", "");
                    groups.add(new ResultGroup(printed.replaceFirst("^\\(.\\)\\s*", ""), printed, new ArrayList<>()));
                }
                groups.get(groups.size() - 1).codes().add(result.name());
            });
        }
        List<Row> rows = Arrays.stream(ApplicationRow.values())
                               .map(row -> new Row(row.name(), row.section(), row.group(), row.item(), row.label()))
                               .toList();
        return new Codes(labelled(ApplicantType.values(), ApplicantType::label), labelled(ApplicantColumn.values(), ApplicantColumn::label),
                         ApplicantColumn.GROUP_LABEL, labelled(ResultCode.values(), ResultCode::label), resultItem,
                         groups.stream().map(g -> new ResultGroup(g.title(), g.printed(), List.copyOf(g.codes()))).toList(), rows,
                         labelled(Channel.values(), Channel::label), labelled(ReviewBlock.values(), ReviewBlock::label), reviewResult,
                         labelled(FeeBasis.values(), FeeBasis::label),
                         new Periods(AnswerPeriod.WORKING_DAYS, AnswerPeriod.MAX_EXTENSION_WORKING_DAYS,
                                     AnswerPeriod.CORRECTION_NOTICE_WORKING_DAYS),
                         labelled(LegacyResultCode.values(), LegacyResultCode::label),
                         Arrays.stream(LegacyStatisticsItem.values())
                               .map(item -> new LegacyItem(item.name(), item.label(), item.unit(), item.source().name())).toList(),
                         ReportingYear.LAST_UNDER_2008_REGULATIONS,
                         labelled(cn.foi.query.projection.RequestStatus.values(), cn.foi.query.projection.RequestStatus::label),
                         labelled(cn.foi.events.codes.IdType.values(), cn.foi.events.codes.IdType::label));
    }

    private static <E extends Enum<E>> Map<String, String> labelled(E[] values, Function<E, String> label) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (E value : values) {
            labels.put(value.name(), label.apply(value));
        }
        return labels;
    }
}
