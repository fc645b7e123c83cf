package cn.foi.query.report;

import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.ResultCode;
import cn.foi.events.published.EventTypes;
import cn.foi.events.published.PublishedEvent;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.query.projection.Ledger;
import cn.foi.query.projection.RequestFacts;
import cn.foi.query.table.AnnualTable;
import cn.foi.query.table.AnnualTables;
import cn.foi.query.table.ApplicantColumn;
import cn.foi.query.table.ApplicationRow;
import cn.foi.query.view.RequestFold;
import cn.foi.query.view.RequestView;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: over random years of random requests, every number of the generated 依申请公开 paragraph, read back from
 * its text, equals the figure of table 三 it speaks of (counted by {@link AnnualTables}), and the shares add up.
 */
class ApplicationsParagraphPropertyTest {

    private static final String AGENCY = "property-office";
    private static final String[] TIMELINESS = {"ON_TIME", "ON_TIME_AFTER_EXTENSION", "LATE"};

    @RepeatedTest(200)
    void every_number_of_the_paragraph_is_the_table_s(RepetitionInfo repetition) {
        Random random = new Random(7919L * repetition.getCurrentRepetition());
        int year = 2019 + random.nextInt(7);
        Ledger ledger = new Ledger();
        ledger.putAgency(AGENCY, "某某局");
        List<RequestView> views = new ArrayList<>();
        Map<String, String> timeliness = new LinkedHashMap<>();
        int count = random.nextInt(40);
        for (int i = 0; i < count; i++) {
            String id = "r-" + i;
            // received in the year or the one before (carried over), answered in it, the next, or never
            LocalDate receivedOn = LocalDate.of(year - random.nextInt(2), 1 + random.nextInt(12), 1 + random.nextInt(28));
            Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
            ApplicantType type = ApplicantType.values()[random.nextInt(ApplicantType.values().length)];
            RequestView view = RequestFold.apply(RequestView.empty(id), envelope(id, 0, i),
                                                 new RequestReceived(id, AGENCY, receivedOn, channel, new Applicant(type, "申请人" + i), "事项"));
            if (random.nextInt(4) > 0) {
                LocalDate decidedOn = receivedOn.plusDays(random.nextInt(400));
                if (decidedOn.getYear() >= 2019) {
                    ResultCode result = ResultCode.values()[random.nextInt(ResultCode.values().length)];
                    view = RequestFold.apply(view, envelope(id, 1, i + 1000), new RequestDecided(id, AGENCY, result, decidedOn, null));
                }
            }
            views.add(view);
            timeliness.put(id, TIMELINESS[random.nextInt(3)]);
            ledger.putRequest(AGENCY, RequestFacts.of(view));
        }
        AnnualTable table = new AnnualTables(ledger, Clock.fixed(java.time.Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC))
                .of(AGENCY, year).orElseThrow();
        ApplicationsSummary summary = ApplicationsSummary.of(year, views, facts -> timeliness.get(facts.requestId()));
        String paragraph = summary.paragraph(year);

        int received = table.cell(ApplicationRow.NEW, ApplicantColumn.TOTAL);
        int carriedOver = table.cell(ApplicationRow.CARRIED_OVER, ApplicantColumn.TOTAL);
        int answered = table.cell(ApplicationRow.TOTAL_HANDLED, ApplicantColumn.TOTAL);
        int carriedForward = table.cell(ApplicationRow.CARRIED_FORWARD, ApplicantColumn.TOTAL);
        if (received == 0 && carriedOver == 0) {
            assertThat(paragraph).contains("未收到政府信息公开申请");
            return;
        }
        assertThat(number(paragraph, "共收到政府信息公开申请(\\d+)件")).isEqualTo(received);
        assertThat(carriedOver == 0 ? paragraph.contains("无上年结转申请") : number(paragraph, "上年结转(\\d+)件") == carriedOver).isTrue();
        if (received > 0) {
            int byChannel = 0;
            for (Channel channel : Channel.values()) {
                Matcher m = Pattern.compile(ApplicationsSummary.channelWords(channel) + "(\\d+)件，约?占申请总数的(\\d+)%").matcher(paragraph);
                if (m.find()) {
                    int n = Integer.parseInt(m.group(1));
                    byChannel += n;
                    assertThat(Integer.parseInt(m.group(2))).as(channel + " share").isEqualTo(Math.round(n * 100f / received));
                }
            }
            assertThat(byChannel).as("channels add up to the requests received").isEqualTo(received);
            for (ApplicantColumn column : ApplicantColumn.values()) {
                int cell = table.cell(ApplicationRow.NEW, column);
                if (column != ApplicantColumn.TOTAL && cell > 0) {
                    assertThat(number(paragraph, column.label() + "(\\d+)件")).as(column.name()).isEqualTo(cell);
                }
            }
        }
        if (answered == 0) {
            assertThat(paragraph).contains("本年度未办结申请");
        } else {
            assertThat(number(paragraph, "本年度办结(\\d+)件")).isEqualTo(answered);
            Map<String, Integer> groups = new EnumMapByGroup(table).sums;
            groups.forEach((group, n) -> assertThat(number(paragraph, "(?:，|其中)" + group + "(\\d+)件")).as(group).isEqualTo(n));
            int timely = number(paragraph, "按期答复(\\d+)件") + number(paragraph, "延期后按期答复(\\d+)件") + number(paragraph, "逾期答复(\\d+)件");
            assertThat(timely).as("on time, after extension and late add up to the answered").isEqualTo(answered);
        }
        assertThat(carriedForward == 0 ? paragraph.contains("无结转下年度") : number(paragraph, "结转下年度继续办理(\\d+)件") == carriedForward)
                .as(paragraph).isTrue();
    }

    /** Table 三's result rows summed by group, as the paragraph names them. */
    private static final class EnumMapByGroup {
        final Map<String, Integer> sums = new LinkedHashMap<>();

        EnumMapByGroup(AnnualTable table) {
            Map<ApplicationRow, Integer> rows = new EnumMap<>(ApplicationRow.class);
            for (ResultCode result : ResultCode.values()) {
                ApplicationRow row = ApplicationRow.of(result);
                rows.put(row, table.cell(row, ApplicantColumn.TOTAL));
            }
            rows.forEach((row, n) -> {
                if (n > 0) {
                    sums.merge(ApplicationRow.resultGroupOf(row), n, Integer::sum);
                }
            });
        }
    }

    private static int number(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as(pattern + " in " + text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static PublishedEvent envelope(String aggregateId, long sequenceNumber, long globalIndex) {
        return new PublishedEvent(globalIndex, "e-" + globalIndex, "X", aggregateId, sequenceNumber, EventTypes.nameOf(Object.class), null,
                                  "2026-01-0" + (globalIndex % 9 + 1) + "T08:00:00.123456Z", Map.of("userId", "officer-1"), null);
    }
}
