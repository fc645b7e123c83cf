package cn.foi.query.view;

import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.agency.ProactiveDisclosureRecorded;
import cn.foi.events.agency.ReportingYearClosed;
import cn.foi.events.published.EventTypes;
import cn.foi.events.published.PublishedEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An agency's view, one event at a time. */
class AgencyFoldTest {

    private static PublishedEvent envelope(long globalIndex, long sequenceNumber, Object payload, String timestamp) {
        return new PublishedEvent(globalIndex, "e-" + globalIndex, "Agency", "a-1", sequenceNumber,
                                  EventTypes.nameOf(payload.getClass()), null, timestamp, Map.of("userId", "admin"), null);
    }

    private static AgencyView registered() {
        AgencyRegistered registered = new AgencyRegistered("a-1", "某县人民政府办公室", LocalDate.of(2024, 1, 2));
        return AgencyFold.apply(AgencyView.empty("a-1"), envelope(1, 0, registered, "2024-01-02T01:00:00Z"), registered);
    }

    @Test
    void every_version_of_table_2_is_kept_in_order() {
        ProactiveDisclosureRecorded first = new ProactiveDisclosureRecorded("a-1", 2024, 1, LocalDate.of(2025, 1, 10),
                Map.of("RULES", Map.of("MADE", BigDecimal.ONE)));
        ProactiveDisclosureRecorded second = new ProactiveDisclosureRecorded("a-1", 2024, 2, LocalDate.of(2025, 1, 12),
                Map.of("RULES", Map.of("MADE", BigDecimal.valueOf(2))));

        AgencyView view = AgencyFold.apply(AgencyFold.apply(registered(), envelope(5, 1, first, "2025-01-10T02:00:00Z"), first),
                                           envelope(6, 2, second, "2025-01-12T02:00:00Z"), second);

        assertThat(view.proactive().get(2024)).extracting(AgencyView.ProactiveVersion::version).containsExactly(1, 2);
        assertThat(view.proactive().get(2024).get(1).recordedAt()).isEqualTo(Instant.parse("2025-01-12T02:00:00Z"));
    }

    @Test
    void a_closed_year_keeps_when_the_close_was_recorded_and_a_redelivery_changes_nothing() {
        ReportingYearClosed closed = new ReportingYearClosed("a-1", 2024, LocalDate.of(2025, 1, 15), List.of());
        PublishedEvent event = envelope(9, 1, closed, "2025-01-15T03:00:00Z");

        AgencyView view = AgencyFold.apply(registered(), event, closed);

        assertThat(view.closedYears().get(2024)).isEqualTo(new AgencyView.YearClose(LocalDate.of(2025, 1, 15), 0, 9,
                                                                                    Instant.parse("2025-01-15T03:00:00Z")));
        assertThat(view.history()).extracting(HistoryEntry::label).containsExactly("机构登记", "2024 年度关闭");
        assertThat(AgencyFold.apply(view, event, closed)).isSameAs(view);
    }

    @Test
    void the_figures_of_the_statistics_form_of_an_old_year_are_kept_version_by_version_and_named_in_the_history() {
        cn.foi.events.agency.LegacyFiguresRecorded first = new cn.foi.events.agency.LegacyFiguresRecorded(
                "a-1", 2016, 1, LocalDate.of(2025, 2, 3), Map.of("PROACTIVE_ITEMS", BigDecimal.TEN));
        cn.foi.events.agency.LegacyFiguresRecorded second = new cn.foi.events.agency.LegacyFiguresRecorded(
                "a-1", 2016, 2, LocalDate.of(2025, 2, 4), Map.of("PROACTIVE_ITEMS", BigDecimal.valueOf(12)));

        AgencyView view = AgencyFold.apply(AgencyFold.apply(registered(), envelope(5, 1, first, "2025-02-03T02:00:00Z"), first),
                                           envelope(6, 2, second, "2025-02-04T02:00:00Z"), second);

        assertThat(view.legacyFigures().get(2016)).extracting(v -> v.figures().get("PROACTIVE_ITEMS"))
                                                  .containsExactly(BigDecimal.TEN, BigDecimal.valueOf(12));
        assertThat(view.history()).extracting(HistoryEntry::label)
                                  .containsExactly("机构登记", "2016 年政府信息公开情况统计表（由本机关填写的项目）第 1 版",
                                                   "2016 年政府信息公开情况统计表（由本机关填写的项目）第 2 版");
        assertThat(view.holds(6)).as("held, so the completeness check counts it applied").isTrue();
    }

    @Test
    void a_letter_template_s_versions_are_kept_and_the_current_one_is_the_last_or_the_engine_s_default() {
        var first = new cn.foi.events.letter.LetterTemplateSet("a-1", cn.foi.events.letter.LetterKind.REPLY, 1, "答复书", "{{答复意见}}",
                                                               LocalDate.of(2026, 3, 2));
        var second = new cn.foi.events.letter.LetterTemplateSet("a-1", cn.foi.events.letter.LetterKind.REPLY, 2, "答复", "{{答复意见}}\n{{救济途径}}",
                                                                LocalDate.of(2026, 3, 5));
        PublishedEvent event = envelope(8, 2, second, "2026-03-05T02:00:00Z");

        AgencyView view = AgencyFold.apply(AgencyFold.apply(registered(), envelope(7, 1, first, "2026-03-02T02:00:00Z"), first), event, second);

        assertThat(view.letterTemplates()).extracting(AgencyView.LetterTemplateVersion::version).containsExactly(1, 2);
        assertThat(view.letterTemplate(cn.foi.events.letter.LetterKind.REPLY).title()).isEqualTo("答复");
        assertThat(view.letterTemplate(cn.foi.events.letter.LetterKind.RECEIPT).version()).isZero();
        assertThat(view.letterTemplate(cn.foi.events.letter.LetterKind.RECEIPT).body())
                .isEqualTo(cn.foi.events.letter.LetterTemplate.DEFAULTS.get(cn.foi.events.letter.LetterKind.RECEIPT).body());
        assertThat(view.history()).extracting(HistoryEntry::label).contains("答复书模板第 1 版", "答复书模板第 2 版");
        assertThat(AgencyFold.apply(view, event, second)).isSameAs(view);
    }
}
