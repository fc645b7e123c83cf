package cn.foi.events.codes;

import cn.foi.events.rules.ReportingYear;

import java.util.Arrays;
import java.util.List;

/**
 * The parts of a whole annual report (annual-report.md), in printed order: the current format (国办公开办函〔2021〕30号,
 * reporting years from 2019) and the report of a year up to 2018, which has four headings of its own and the
 * statistics form as its appendix. A code keeps its meaning in both (OVERVIEW is 一、总体情况 or 一、概述).
 * {@code agencyText}: the agency writes it ({@code PUT …/report-text}); the other parts are generated.
 */
public enum ReportSection {
    OPENING("", "", true),
    OVERVIEW("一、总体情况", "一、概述", true),
    DISCLOSURE(null, "二、信息公开情况", true),
    PROACTIVE("二、主动公开政府信息情况", null, false),
    APPLICATIONS("三、收到和处理政府信息公开申请情况", null, false),
    REVIEWS("四、政府信息公开行政复议、行政诉讼情况", null, false),
    PROBLEMS("五、存在的主要问题及改进情况", "三、存在的主要问题及改进情况", true),
    OTHER("六、其他需要报告的事项", "四、其他需要报告的事项", true),
    FORM(null, "附表：政府信息公开情况统计表", false);

    /** The longest text an agency may save for one part. */
    public static final int MAX_TEXT_LENGTH = 20_000;

    /** Where the generated 依申请公开 paragraph goes in the agency's text of OVERVIEW (from 2019) or DISCLOSURE (to 2018). */
    public static final String APPLICATIONS_MARKER = "{{依申请公开}}";
    /** Where the generated fee sentence goes in the agency's text of OTHER; without it the part opens with the sentence. */
    public static final String FEES_MARKER = "{{信息处理费}}";

    /** The marker a part of the report of {@code year} may hold, or null. */
    public String marker(int year) {
        if (this == OTHER) {
            return FEES_MARKER;
        }
        boolean applications = ReportingYear.isUnder2008Regulations(year) ? this == DISCLOSURE : this == OVERVIEW;
        return applications ? APPLICATIONS_MARKER : null;
    }

    private final String currentHeading;
    private final String legacyHeading;
    private final boolean agencyText;

    ReportSection(String currentHeading, String legacyHeading, boolean agencyText) {
        this.currentHeading = currentHeading;
        this.legacyHeading = legacyHeading;
        this.agencyText = agencyText;
    }

    /** The heading printed in the report of {@code year} (empty for the opening paragraph). */
    public String heading(int year) {
        return ReportingYear.isUnder2008Regulations(year) ? legacyHeading : currentHeading;
    }

    public boolean agencyText() {
        return agencyText;
    }

    /** Whether the report of {@code year} has this part. */
    public boolean isPartOf(int year) {
        return heading(year) != null;
    }

    /** The parts of the report of {@code year}, in printed order. */
    public static List<ReportSection> of(int year) {
        return Arrays.stream(values()).filter(section -> section.isPartOf(year)).toList();
    }

    /** The parts of the report of {@code year} its agency writes. */
    public static List<ReportSection> writtenBy(int year) {
        return of(year).stream().filter(ReportSection::agencyText).toList();
    }

    /** The title line of the report (annual-report.md). */
    public static String title(String agencyName, int year) {
        return agencyName + year + "年政府信息公开工作年度报告";
    }
}
