package cn.foi.query.report;

import cn.foi.events.report.AnnualReportPublished.FrozenReport;
import cn.foi.events.report.AnnualReportPublished.Section;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A publication against today's replay of the events: every figure it froze, and every text the engine generated
 * in it (the 依申请公开 paragraph, the fee sentence): what an auditor needs to say whether it still holds.
 */
public final class PublicationComparison {

    private PublicationComparison() {
    }

    /** {@code code}: a figure's code, or {@code SECTION.generated} for a generated text. */
    public record Difference(String code, String published, String replayed) {
    }

    public static List<Difference> differences(FrozenReport published, FrozenReport replayed) {
        List<Difference> differences = new ArrayList<>();
        published.figures().forEach((code, value) -> {
            BigDecimal now = replayed.figures().get(code);
            if (now == null || now.compareTo(value) != 0) {
                differences.add(new Difference(code, value.toPlainString(), now == null ? null : now.toPlainString()));
            }
        });
        Map<String, Section> now = replayed.sections().stream().collect(Collectors.toMap(Section::code, Function.identity()));
        for (Section section : published.sections()) {
            Section today = now.get(section.code());
            // narrative parts only: a table's text is its figures, compared above one by one
            if (section.generated() != null && today != null && cn.foi.events.codes.ReportSection.valueOf(section.code()).agencyText()
                && !section.generated().equals(today.generated())) {
                differences.add(new Difference(section.code() + ".generated", section.generated(), today.generated()));
            }
        }
        return differences;
    }
}
