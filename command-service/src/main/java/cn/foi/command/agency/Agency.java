package cn.foi.command.agency;

import cn.foi.command.agency.AgencyCommands.CloseReportingYear;
import cn.foi.command.agency.AgencyCommands.SetCaseNumberPattern;
import cn.foi.events.casenumber.CaseNumberPattern;
import cn.foi.events.casenumber.CaseNumberPatternSet;
import cn.foi.command.agency.AgencyCommands.PreparePublication;
import cn.foi.command.agency.AgencyCommands.PublishAnnualReport;
import cn.foi.command.agency.AgencyCommands.RecordReportTexts;
import cn.foi.events.codes.ReportSection;
import cn.foi.events.report.AnnualReportPublished;
import cn.foi.events.report.ReportDigest;
import cn.foi.events.report.ReportTextsRecorded;
import cn.foi.command.agency.AgencyCommands.RecordLegacyFigures;
import cn.foi.command.agency.AgencyCommands.RecordProactiveDisclosure;
import cn.foi.events.agency.LegacyFiguresRecorded;
import cn.foi.events.codes.LegacyStatisticsItem;
import cn.foi.events.rules.ReportingYear;
import cn.foi.events.agency.ProactiveDisclosureRecorded;
import cn.foi.events.codes.ProactiveDisclosure;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import cn.foi.command.agency.AgencyCommands.RegisterAgency;
import cn.foi.command.problem.InvalidInput;
import cn.foi.command.problem.RuleViolation;
import cn.foi.command.problem.StateConflict;
import cn.foi.command.register.RequestRegister;
import cn.foi.events.agency.AgencyPlaced;
import cn.foi.events.agency.AgencyRegistered;
import cn.foi.command.agency.AgencyCommands.PlaceAgency;
import cn.foi.command.problem.NotFound;
import cn.foi.events.agency.ReportingYearClosed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An agency and its reporting years: which years are closed, and so frozen. */
@Aggregate(cache = "aggregateCache")
public class Agency {

    private static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9-]{2,64}");

    @AggregateIdentifier
    private String agencyId;
    private String name;
    private String parentId;
    private CaseNumberPattern caseNumberPattern = CaseNumberPattern.DEFAULT;
    private final SortedSet<Integer> closedYears = new TreeSet<>();
    private final Map<Integer, Integer> proactiveVersions = new HashMap<>();
    private final Map<Integer, Integer> legacyFigureVersions = new HashMap<>();
    private final Map<Integer, Integer> reportTextVersions = new HashMap<>();
    private final Map<Integer, Integer> publications = new HashMap<>();
    private final Map<cn.foi.events.letter.LetterKind, LetterTemplateVersion> letterTemplates =
            new java.util.EnumMap<>(cn.foi.events.letter.LetterKind.class);

    protected Agency() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(RegisterAgency command, Clock clock, AgencyDirectory directory) {
        if (command.agencyId() == null || !AGENCY_ID.matcher(command.agencyId()).matches()) {
            throw new InvalidInput("机构编号 agencyId 须为 2–64 位小写字母、数字或连字符 (pattern [a-z0-9-]{2,64})");
        }
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidInput("机构名称 name 不能为空 (name is required)");
        }
        if (command.parentId() != null && !directory.exists(command.parentId())) {
            throw new NotFound("上级机构 " + command.parentId() + " 不存在 (unknown parent agency)");
        }
        LocalDate today = LocalDate.now(clock);
        apply(new AgencyRegistered(command.agencyId(), command.name().strip(), today));
        if (command.parentId() != null) {
            apply(new AgencyPlaced(command.agencyId(), command.parentId(), null, today));
        }
    }

    /**
     * Moves the agency under another, or to the top (null). The new parent must exist and must not stand under this
     * agency (a cycle would count members twice, or never reach a top). Moves run alone (across instances, {@code ExclusiveCommands}), so two
     * of them cannot make a cycle together. Placing it where it already stands changes nothing.
     */
    @CommandHandler
    public void handle(PlaceAgency command, Clock clock, AgencyDirectory directory) {
        String newParent = command.parentId();
        if (java.util.Objects.equals(newParent, parentId)) {
            return;
        }
        if (newParent != null) {
            if (newParent.equals(agencyId)) {
                throw new RuleViolation("机构不能作为自己的上级机构 (an agency cannot be its own parent)");
            }
            if (!directory.exists(newParent)) {
                throw new NotFound("上级机构 " + newParent + " 不存在 (unknown parent agency)");
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String above = directory.parentOf(newParent); above != null && seen.add(above); above = directory.parentOf(above)) {
                if (above.equals(agencyId)) {
                    throw new RuleViolation("机构 " + newParent + " 隶属于 " + agencyId + "，不能作为其上级机构：会形成循环 (the move would make a cycle)");
                }
            }
        }
        apply(new AgencyPlaced(agencyId, newParent, parentId, LocalDate.now(clock)));
    }

    @EventSourcingHandler
    void on(AgencyPlaced event) {
        this.parentId = event.parentId();
    }

    public String parentId() {
        return parentId;
    }

    /**
     * Closing year Y: only after Y has ended and every earlier year with requests is closed; every
     * request open at the end of Y (by business dates) is carried forward into Y + 1.
     */
    @CommandHandler
    public int handle(CloseReportingYear command, Clock clock, RequestRegister register) {
        int year = command.year();
        LocalDate today = LocalDate.now(clock);
        if (year >= today.getYear()) {
            throw new RuleViolation(year + " 年尚未结束，不能关闭 (year " + year + " has not ended yet)");
        }
        if (closedYears.contains(year)) {
            throw new StateConflict(year + " 年已关闭 (year " + year + " is already closed)");
        }
        var book = register.bookOf(agencyId);
        for (int earlier : book.yearsWithRequestsBefore(year)) {
            if (!closedYears.contains(earlier)) {
                throw new StateConflict("须先关闭有申请的更早年度 " + earlier + " 年 (close " + earlier + " first)");
            }
        }
        var carriedForward = book.openAtEndOf(year);
        apply(new ReportingYearClosed(agencyId, year, today, carriedForward));
        return carriedForward.size();
    }

    /**
     * Table 二 figures for a year: every code known, whole non-negative numbers (the fee amount in 万元 may
     * have decimals); a year not yet begun or already closed is refused. Each call is a new version.
     */
    @CommandHandler
    public void handle(RecordProactiveDisclosure command, Clock clock) {
        int year = command.year();
        if (year > LocalDate.now(clock).getYear()) {
            throw new RuleViolation(year + " 年尚未开始 (year " + year + " has not begun)");
        }
        if (closedYears.contains(year)) {
            throw new StateConflict(year + " 年度已关闭，数据已冻结 (year " + year + " is closed)");
        }
        if (command.figures() == null || command.figures().isEmpty()) {
            throw new InvalidInput("缺少表二数据 (no figures given)");
        }
        Map<String, Map<String, BigDecimal>> figures = new TreeMap<>();
        for (ProactiveDisclosure row : ProactiveDisclosure.values()) {
            Map<String, BigDecimal> cells = new TreeMap<>();
            row.columns().forEach(column -> cells.put(column, BigDecimal.ZERO));
            figures.put(row.name(), cells);
        }
        command.figures().forEach((rowCode, cells) -> {
            Map<String, BigDecimal> known = figures.get(rowCode);
            if (known == null) {
                throw new InvalidInput("表二没有行代码 " + rowCode + " (unknown row code; one of "
                                       + java.util.Arrays.toString(ProactiveDisclosure.values()) + ")");
            }
            if (cells == null) {
                return;
            }
            cells.forEach((column, value) -> {
                if (!known.containsKey(column)) {
                    throw new InvalidInput(rowCode + " 没有列代码 " + column + " (unknown column; one of "
                                           + known.keySet() + ")");
                }
                known.put(column, count(rowCode + "." + column, rowCode + "." + column, value, column.equals("AMOUNT_10K_YUAN")));
            });
        });
        apply(new ProactiveDisclosureRecorded(agencyId, year, proactiveVersions.getOrDefault(year, 0) + 1,
                                              LocalDate.now(clock), figures));
    }

    @EventSourcingHandler
    void on(ProactiveDisclosureRecorded event) {
        proactiveVersions.put(event.year(), event.version());
    }

    /**
     * The figures of the statistics form of a reporting year up to 2018 that the agency supplies: only those items,
     * whole non-negative numbers (amounts in 万元 may have decimals); items not given are zero. The staff total is
     * the sum of full-time and part-time staff, never typed. Each call is a new version.
     */
    @CommandHandler
    public void handle(RecordLegacyFigures command, Clock clock) {
        int year = command.year();
        if (!ReportingYear.isUnder2008Regulations(year)) {
            throw new RuleViolation(year + " 年度不使用旧统计表：政府信息公开情况统计表用于 " + ReportingYear.FIRST + "–"
                                    + ReportingYear.LAST_UNDER_2008_REGULATIONS + " 年度，此后的年度报告使用表二至表四"
                                    + " (legacy figures are for reporting years " + ReportingYear.FIRST + " to "
                                    + ReportingYear.LAST_UNDER_2008_REGULATIONS + ")");
        }
        if (closedYears.contains(year)) {
            throw new StateConflict(year + " 年度已关闭，数据已冻结 (year " + year + " is closed)");
        }
        if (command.figures() == null || command.figures().isEmpty()) {
            throw new InvalidInput("缺少统计表数据 (no figures given)");
        }
        Map<String, BigDecimal> figures = new java.util.LinkedHashMap<>();
        for (LegacyStatisticsItem item : LegacyStatisticsItem.values()) {
            if (item.source() == LegacyStatisticsItem.Source.AGENCY && item != LegacyStatisticsItem.STAFF) {
                figures.put(item.name(), BigDecimal.ZERO);
            }
        }
        command.figures().forEach((code, value) -> {
            LegacyStatisticsItem item;
            try {
                item = LegacyStatisticsItem.valueOf(code);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("统计表没有项目代码 " + code + " (unknown item code; one of " + figures.keySet() + ")");
            }
            if (item == LegacyStatisticsItem.STAFF) {
                throw new InvalidInput("“" + item.label() + "”由专职人员数与兼职人员数相加得出，无需填写 (STAFF is the sum of "
                                       + "STAFF_FULL_TIME and STAFF_PART_TIME)");
            }
            if (item.source() == LegacyStatisticsItem.Source.EVENTS) {
                throw new InvalidInput("“" + item.label() + "”由本系统记录的申请统计得出，不能填写 (" + code + " is counted from events)");
            }
            figures.put(code, count("“" + item.label() + "”", code, value, item.unit().equals("万元")));
        });
        figures.put(LegacyStatisticsItem.STAFF.name(), figures.get(LegacyStatisticsItem.STAFF_FULL_TIME.name())
                                                              .add(figures.get(LegacyStatisticsItem.STAFF_PART_TIME.name())));
        apply(new LegacyFiguresRecorded(agencyId, year, legacyFigureVersions.getOrDefault(year, 0) + 1,
                                        LocalDate.now(clock), figures));
    }

    /** A figure the agency records: a non-negative number, whole unless it is an amount (万元). */
    private static BigDecimal count(String what, String code, BigDecimal value, boolean amount) {
        if (value == null || value.signum() < 0) {
            throw new InvalidInput(what + " 须为非负数 (" + code + " must be a non-negative number)");
        }
        if (!amount && value.stripTrailingZeros().scale() > 0) {
            throw new InvalidInput(what + " 须为整数 (" + code + " must be a whole number)");
        }
        return value;
    }

    @EventSourcingHandler
    void on(LegacyFiguresRecorded event) {
        legacyFigureVersions.put(event.year(), event.version());
    }

    /**
     * Texts of the annual report of a year (any subset of the parts the agency writes, each at most
     * {@link ReportSection#MAX_TEXT_LENGTH} characters; an empty text returns a part to its default). Allowed after
     * the year is closed and after a publication: a correction is written, then published with its reason.
     */
    @CommandHandler
    public void handle(RecordReportTexts command, Clock clock) {
        int year = command.year();
        requireReportingYear(year, clock);
        if (command.sections() == null || command.sections().isEmpty()) {
            throw new InvalidInput("缺少报告文本：sections 须至少包含一个章节 (no sections given)");
        }
        java.util.List<String> writable = ReportSection.writtenBy(year).stream().map(Enum::name).toList();
        Map<String, String> texts = new TreeMap<>();
        command.sections().forEach((code, text) -> {
            if (!writable.contains(code)) {
                throw new InvalidInput(unknownSection(code, year, writable));
            }
            String value = text == null ? "" : text.strip();
            if (value.length() > ReportSection.MAX_TEXT_LENGTH) {
                throw new InvalidInput("章节 " + code + " 的文本有 " + value.length() + " 个字符，超过上限 " + ReportSection.MAX_TEXT_LENGTH
                                       + " 个字符 (text too long)");
            }
            if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                throw new InvalidInput("章节 " + code + " 的文本含有不可见的控制字符，请删除后再保存 (control characters)");
            }
            ReportSection section = ReportSection.valueOf(code);
            for (String marker : java.util.List.of(ReportSection.APPLICATIONS_MARKER, ReportSection.FEES_MARKER)) {
                if (value.contains(marker) && !marker.equals(section.marker(year))) {
                    throw new InvalidInput(marker + " 是系统生成内容的位置标记，不能写在“" + (section.heading(year).isEmpty() ? "开头" : section.heading(year))
                                           + "”中 (marker not allowed in this section)");
                }
            }
            texts.put(code, value);
        });
        apply(new ReportTextsRecorded(agencyId, year, reportTextVersions.getOrDefault(year, 0) + 1, LocalDate.now(clock), texts));
    }

    private static String unknownSection(String code, int year, java.util.List<String> writable) {
        try {
            ReportSection section = ReportSection.valueOf(code);
            if (section.isPartOf(year)) {
                return "章节 " + code + "（" + section.heading(year) + "）由系统根据记录的数据生成，不能填写；可填写的章节："
                       + writable + " (generated section)";
            }
            return year + " 年度报告没有章节 " + code + "；可填写的章节：" + writable + " (section not in this year's report)";
        } catch (IllegalArgumentException e) {
            return "未知的章节代码 " + code + "；" + year + " 年度报告可填写的章节：" + writable + " (unknown section code)";
        }
    }

    private static void requireReportingYear(int year, Clock clock) {
        if (year < ReportingYear.FIRST) {
            throw new RuleViolation(year + " 年早于《政府信息公开条例》施行（" + ReportingYear.FIRST + " 年），没有年度报告 (no report before "
                                    + ReportingYear.FIRST + ")");
        }
        if (year > LocalDate.now(clock).getYear()) {
            throw new RuleViolation(year + " 年尚未开始 (year " + year + " has not begun)");
        }
    }

    /** The checks of a publication, before the document is drafted; answers the text version to draft it from. */
    @CommandHandler
    public int handle(PreparePublication command, Clock clock) {
        int year = command.year();
        requireReportingYear(year, clock);
        if (!closedYears.contains(year)) {
            throw new StateConflict(year + " 年度尚未关闭，不能发布年度报告：请先关闭年度，使报告中的数据不再变化 (close year " + year
                                    + " before publishing its report)");
        }
        int published = publications.getOrDefault(year, 0);
        if (published > 0 && (command.reason() == null || command.reason().isBlank())) {
            throw new InvalidInput(year + " 年度报告已发布第 " + published + " 版；再次发布（更正）须在 reason 中说明理由 (a reason is "
                                   + "required to publish again)");
        }
        if (command.reason() != null && command.reason().strip().length() > 2_000) {
            throw new InvalidInput("发布理由不能超过 2000 个字符 (reason too long)");
        }
        return reportTextVersions.getOrDefault(year, 0);
    }

    /**
     * Freezes the document as drafted: a new publication, numbered, with the SHA-256 of its text. Refused if the
     * agency's texts changed since the draft (the draft would not be the version published).
     */
    @CommandHandler
    public AgencyCommands.Published handle(PublishAnnualReport command, Clock clock) {
        int textVersion = handle(new PreparePublication(command.agencyId(), command.year(), command.reason()), clock);
        if (command.textVersion() != textVersion) {
            throw new StateConflict("发布期间报告文本已被修改（第 " + textVersion + " 版），请重新预览后再发布 (texts changed meanwhile)");
        }
        if (command.report() == null || command.report().text() == null) {
            throw new InvalidInput("缺少报告内容 (no document)");
        }
        int publication = publications.getOrDefault(command.year(), 0) + 1;
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        var published = new AgencyCommands.Published(publication, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                                                     ReportDigest.of(command.report().text()));
        apply(new AnnualReportPublished(agencyId, command.year(), publication, published.publishedAt(), reason, textVersion,
                                        published.digest(), command.report()));
        return published;
    }

    @EventSourcingHandler
    void on(ReportTextsRecorded event) {
        reportTextVersions.put(event.year(), event.version());
    }

    @EventSourcingHandler
    void on(AnnualReportPublished event) {
        publications.put(event.year(), event.publication());
    }

    @EventSourcingHandler
    void on(AgencyRegistered event) {
        this.agencyId = event.agencyId();
        this.name = event.name();
    }

    @EventSourcingHandler
    void on(ReportingYearClosed event) {
        closedYears.add(event.year());
    }

    /** A malformed pattern is refused (400); numbers already given stay as they were written. */
    @CommandHandler
    public void handle(SetCaseNumberPattern command) {
        CaseNumberPattern pattern;
        try {
            pattern = new CaseNumberPattern(command.pattern() == null ? null : command.pattern().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(e.getMessage());
        }
        if (!pattern.equals(caseNumberPattern)) {
            apply(new CaseNumberPatternSet(agencyId, pattern.text()));
        }
    }

    @EventSourcingHandler
    void on(CaseNumberPatternSet event) {
        this.caseNumberPattern = new CaseNumberPattern(event.pattern());
    }

    /**
     * A new version of a letter's template, checked as a preview checks it; saving what is already the current version
     * stores nothing and answers that version.
     */
    @CommandHandler
    public AgencyCommands.SavedLetterTemplate handle(AgencyCommands.SetLetterTemplate command, Clock clock) {
        cn.foi.events.letter.LetterKind kind;
        try {
            kind = cn.foi.events.letter.LetterKind.parse(command.kind());
        } catch (IllegalArgumentException e) {
            throw new NotFound(e.getMessage());
        }
        cn.foi.events.letter.LetterTemplate template;
        try {
            template = cn.foi.events.letter.LetterTemplate.checked(kind, command.title(), command.body());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(e.getMessage());
        }
        LetterTemplateVersion current = letterTemplates.get(kind);
        if (current != null && current.template().equals(template)) {
            return new AgencyCommands.SavedLetterTemplate(current.version(), template.title(), template.body());
        }
        int version = current == null ? 1 : current.version() + 1;
        apply(new cn.foi.events.letter.LetterTemplateSet(agencyId, kind, version, template.title(), template.body(), LocalDate.now(clock)));
        return new AgencyCommands.SavedLetterTemplate(version, template.title(), template.body());
    }

    private record LetterTemplateVersion(int version, cn.foi.events.letter.LetterTemplate template) {
    }

    @EventSourcingHandler
    void on(cn.foi.events.letter.LetterTemplateSet event) {
        letterTemplates.put(event.kind(), new LetterTemplateVersion(event.version(),
                new cn.foi.events.letter.LetterTemplate(event.title(), event.body())));
    }

    public CaseNumberPattern caseNumberPattern() {
        return caseNumberPattern;
    }

    public boolean isClosed(int year) {
        return closedYears.contains(year);
    }

    public String name() {
        return name;
    }
}
