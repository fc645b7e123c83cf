package cn.foi.query.table;

import cn.foi.events.codes.ResultCode;

import java.util.Optional;

/**
 * The rows of table 三 in printed order, with the printed labels split into their (up to) three
 * merged label columns: section, group, item.
 */
public enum ApplicationRow {
    NEW("一、本年新收政府信息公开申请数量", "", ""),
    CARRIED_OVER("二、上年结转政府信息公开申请数量", "", ""),
    DISCLOSED("三、本年度办理结果", "(一) 予以公开", ""),
    PARTIALLY_DISCLOSED("", "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    NOT_DISCLOSED_STATE_SECRET("", "(三) 不予公开", "1.属于国家秘密"),
    NOT_DISCLOSED_PROHIBITED_BY_LAW("", "", "2.其他法律行政法规禁止公开"),
    NOT_DISCLOSED_ENDANGERS_SECURITY_STABILITY("", "", "3.危及“三安全一稳定”"),
    NOT_DISCLOSED_THIRD_PARTY_RIGHTS("", "", "4.保护第三方合法权益"),
    NOT_DISCLOSED_INTERNAL_AFFAIRS("", "", "5.属于三类内部事务信息"),
    NOT_DISCLOSED_PROCESS_INFORMATION("", "", "6.属于四类过程性信息"),
    NOT_DISCLOSED_ENFORCEMENT_FILE("", "", "7.属于行政执法案卷"),
    NOT_DISCLOSED_ADMINISTRATIVE_QUERY("", "", "8.属于行政查询事项"),
    UNABLE_NOT_HELD("", "(四) 无法提供", "1.本机关不掌握相关政府信息"),
    UNABLE_NEEDS_CREATION("", "", "2.没有现成信息需要另行制作"),
    UNABLE_STILL_UNCLEAR("", "", "3.补正后申请内容仍不明确"),
    NOT_PROCESSED_PETITION_COMPLAINT("", "(五) 不予处理", "1.信访举报投诉类申请"),
    NOT_PROCESSED_DUPLICATE("", "", "2.重复申请"),
    NOT_PROCESSED_PUBLICATION("", "", "3.要求提供公开出版物"),
    NOT_PROCESSED_EXCESSIVE("", "", "4.无正当理由大量反复申请"),
    NOT_PROCESSED_CONFIRMATION("", "", "5.要求行政机关确认或重新出具已获取信息"),
    OTHER_NO_CORRECTION("", "(六) 其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    OTHER_FEE_UNPAID("", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    OTHER_OTHER("", "", "3.其他"),
    TOTAL_HANDLED("", "(七) 总计", ""),
    CARRIED_FORWARD("四、结转下年度继续办理", "", "");

    private final String section;
    private final String group;
    private final String item;

    ApplicationRow(String section, String group, String item) {
        this.section = section;
        this.group = group;
        this.item = item;
    }

    public String section() {
        return section;
    }

    public String group() {
        return group;
    }

    public String item() {
        return item;
    }

    /**
     * The row's printed words in one line, as auditors read them: its section and group included even where the
     * printed table leaves them to the row above (2.其他法律行政法规禁止公开 is under (三) 不予公开).
     */
    public String label() {
        return LABELS.get(this);
    }

    private static final java.util.Map<ApplicationRow, String> LABELS = new java.util.EnumMap<>(ApplicationRow.class);

    static {
        String section = "";
        String group = "";
        for (ApplicationRow row : values()) {
            if (!row.section.isEmpty()) {
                section = row.section;
                group = "";
            }
            if (!row.group.isEmpty()) {
                group = row.group;
            }
            LABELS.put(row, java.util.stream.Stream.of(section, group, row.item).filter(part -> !part.isEmpty())
                                                   .collect(java.util.stream.Collectors.joining(" ")));
        }
    }

    public static ApplicationRow of(ResultCode result) {
        return valueOf(result.name());
    }

    public Optional<ResultCode> result() {
        try {
            return Optional.of(ResultCode.valueOf(name()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The result group a row of section 三 belongs to, as printed without its number (予以公开, 部分公开, 不予公开, 无法提供,
     * 不予处理, 其他处理): what a report's paragraph names.
     */
    public static String resultGroupOf(ApplicationRow row) {
        ApplicationRow[] rows = values();
        for (int i = row.ordinal(); i >= 0; i--) {
            if (!rows[i].group.isEmpty()) {
                String group = rows[i].group.replaceFirst("^\\([一二三四五六七]\\)\\s*", "");
                int note = group.indexOf('（');
                return note < 0 ? group : group.substring(0, note);
            }
        }
        throw new IllegalArgumentException(row + " is not a result row");
    }
}
