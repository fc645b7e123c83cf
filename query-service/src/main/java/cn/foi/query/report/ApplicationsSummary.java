package cn.foi.query.report;

import cn.foi.events.codes.Channel;
import cn.foi.query.projection.RequestFacts;
import cn.foi.query.table.ApplicantColumn;
import cn.foi.query.table.ApplicationRow;
import cn.foi.query.table.TableCells;
import cn.foi.query.view.RequestView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures of the generated 依申请公开 paragraph of a year's report, counted request by request with the one
 * classifier of table 三 ({@link TableCells}), so each equals the table's: received (一) by channel and applicant
 * type, carried over (二), answered ((七) 总计) by result group and by timeliness, carried forward (四).
 */
public record ApplicationsSummary(int received, int carriedOver, Map<Channel, Integer> receivedByChannel,
                                  Map<ApplicantColumn, Integer> receivedByApplicant, int answered, Map<String, Integer> answeredByGroup,
                                  int answeredOnTime, int answeredAfterExtension, int answeredLate, int carriedForward) {

    /**
     * {@code requests}: the agency's requests; {@code timeliness}: ON_TIME, ON_TIME_AFTER_EXTENSION or LATE for an
     * answered request (the deadline rules).
     */
    public static ApplicationsSummary of(int year, Collection<RequestView> requests, Function<RequestFacts, String> timeliness) {
        return of(year, requests, null, timeliness);
    }

    /** As the requests stood at {@code moment} (recorded time; null: now), as the tables as of that moment count them. */
    public static ApplicationsSummary of(int year, Collection<RequestView> requests, java.time.Instant moment,
                                         Function<RequestFacts, String> timeliness) {
        int received = 0;
        int carriedOver = 0;
        int answered = 0;
        int onTime = 0;
        int afterExtension = 0;
        int late = 0;
        int carriedForward = 0;
        Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
        Map<ApplicantColumn, Integer> byApplicant = new EnumMap<>(ApplicantColumn.class);
        Map<ApplicationRow, Integer> byRow = new EnumMap<>(ApplicationRow.class);
        for (RequestView view : requests) {
            if (!view.isReceived()) {
                continue;
            }
            RequestFacts request = RequestFacts.of(view).asOf(moment);
            if (request == null) {
                continue;
            }
            for (ApplicationRow row : TableCells.rowsOf(request, year)) {
                switch (row) {
                    case NEW -> {
                        received++;
                        byChannel.merge(view.receiptAsOf(moment).channel(), 1, Integer::sum); // as it stood then, if corrected since
                        byApplicant.merge(ApplicantColumn.of(request.applicantType()), 1, Integer::sum);
                    }
                    case CARRIED_OVER -> carriedOver++;
                    case CARRIED_FORWARD -> carriedForward++;
                    case TOTAL_HANDLED -> {
                        answered++;
                        switch (timeliness.apply(request)) {
                            case "ON_TIME" -> onTime++;
                            case "ON_TIME_AFTER_EXTENSION" -> afterExtension++;
                            default -> late++;
                        }
                    }
                    default -> byRow.merge(row, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> byGroup = new LinkedHashMap<>();
        for (ApplicationRow row : ApplicationRow.values()) {
            Integer count = byRow.get(row);
            if (count != null) {
                byGroup.merge(ApplicationRow.resultGroupOf(row), count, Integer::sum);
            }
        }
        return new ApplicationsSummary(received, carriedOver, byChannel, byApplicant, answered, byGroup, onTime, afterExtension, late,
                                       carriedForward);
    }

    /** The paragraph as the report prints it; every number is one of this summary's. */
    public String paragraph(int year) {
        StringBuilder text = new StringBuilder();
        if (received == 0 && carriedOver == 0) {
            return year + "年，本机关未收到政府信息公开申请，也没有上年结转的申请。";
        }
        text.append(year).append("年，本机关共收到政府信息公开申请").append(received).append("件");
        text.append(carriedOver == 0 ? "，无上年结转申请。" : "，上年结转" + carriedOver + "件，合计办理" + (received + carriedOver) + "件。");
        if (received > 0) {
            List<String> channels = new ArrayList<>();
            // the most used way first, as reports word it
            receivedByChannel.entrySet().stream()
                             .sorted(java.util.Map.Entry.<Channel, Integer>comparingByValue().reversed())
                             .forEach(entry -> channels.add(channelWords(entry.getKey()) + entry.getValue() + "件，" + share(entry.getValue(), received)));
            text.append("从申请形式来看，").append(String.join("；", channels)).append("。");
            List<String> applicants = new ArrayList<>();
            int natural = receivedByApplicant.getOrDefault(ApplicantColumn.NATURAL_PERSON, 0);
            if (natural > 0) {
                applicants.add(ApplicantColumn.NATURAL_PERSON.label() + natural + "件");
            }
            int groups = received - natural;
            if (groups > 0) {
                List<String> kinds = new ArrayList<>();
                receivedByApplicant.forEach((column, n) -> {
                    if (column != ApplicantColumn.NATURAL_PERSON) {
                        kinds.add(column.label() + n + "件");
                    }
                });
                applicants.add(ApplicantColumn.GROUP_LABEL + groups + "件（" + String.join("、", kinds) + "）");
            }
            text.append("从申请人类型来看，").append(String.join("，", applicants)).append("。");
        }
        if (answered == 0) {
            text.append("本年度未办结申请。");
        } else {
            List<String> groups = new ArrayList<>();
            answeredByGroup.forEach((group, n) -> groups.add(group + n + "件"));
            text.append("本年度办结").append(answered).append("件，其中").append(String.join("，", groups)).append("。");
            text.append("在法定期限内按期答复").append(answeredOnTime).append("件，延期后按期答复").append(answeredAfterExtension)
                .append("件，逾期答复").append(answeredLate).append("件。");
        }
        text.append(carriedForward == 0 ? "无结转下年度继续办理的申请。" : "结转下年度继续办理" + carriedForward + "件。");
        return text.toString();
    }

    /** The way of receipt as the reports word it (网络申请, 信函申请 …). */
    static String channelWords(Channel channel) {
        return channel == Channel.IN_PERSON ? "当面申请" : channel.label() + "申请";
    }

    /** "占申请总数的50%", or "约占…的78%" when the share is rounded (to a whole per cent, half up). */
    static String share(int part, int whole) {
        BigDecimal percent = BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP);
        boolean exact = part * 100L % whole == 0;
        return (exact ? "占" : "约占") + "申请总数的" + percent.toPlainString() + "%";
    }
}
