package cn.foi.events.letter;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a letter template may ask for, written {@code {{名称}}} in it: filled from the request's events when the letter
 * is made. Each field names the letters it belongs to; a template asking for a field of another letter is refused,
 * since that step's facts are not the letter's.
 */
public enum LetterField {
    AGENCY_NAME("机关名称", "本机关的名称", EnumSet.allOf(LetterKind.class)),
    CASE_NUMBER("登记编号", "申请的登记编号", EnumSet.allOf(LetterKind.class)),
    // not in the consultation letter: it goes to the third party, who is not told who asked
    APPLICANT("申请人", "申请人的姓名或名称", EnumSet.complementOf(EnumSet.of(LetterKind.CONSULTATION_LETTER))),
    SUBJECT("申请内容", "申请获取的政府信息", EnumSet.allOf(LetterKind.class)),
    RECEIVED_ON("收到日期", "收到申请之日（第三十一条）", EnumSet.allOf(LetterKind.class)),
    LETTER_DATE("发文日期", "本文书所述事项的日期", EnumSet.allOf(LetterKind.class)),
    CHANNEL("收到方式", "申请的提交方式", EnumSet.of(LetterKind.RECEIPT)),
    DUE_ON("答复期限", "自收到申请之日起的答复期限（最后一日）", EnumSet.of(LetterKind.RECEIPT)),
    PERIOD_DAYS("答复工作日", "答复期限的工作日数（2019年5月15日起收到的为 20 个）", EnumSet.of(LetterKind.RECEIPT)),
    CORRECTION_ITEMS("补正事项", "需要补正的事项，每项一行", EnumSet.of(LetterKind.CORRECTION_NOTICE)),
    CORRECTION_DUE_ON("补正期限", "申请人提交补正的期限", EnumSet.of(LetterKind.CORRECTION_NOTICE)),
    ORIGINAL_DUE_ON("原答复期限", "延期前的答复期限", EnumSet.of(LetterKind.EXTENSION_NOTICE)),
    EXTENSION_DAYS("延长工作日", "延长的工作日数", EnumSet.of(LetterKind.EXTENSION_NOTICE)),
    EXTENDED_DUE_ON("延长后答复期限", "延期后的答复期限", EnumSet.of(LetterKind.EXTENSION_NOTICE)),
    EXTENSION_REASON("延期理由", "延期的理由", EnumSet.of(LetterKind.EXTENSION_NOTICE)),
    APPROVED_BY("批准人", "同意延期的政府信息公开工作机构负责人", EnumSet.of(LetterKind.EXTENSION_NOTICE)),
    CONSULTED_PARTY("被征求意见方", "被征求意见的第三方或机关", EnumSet.of(LetterKind.CONSULTATION_LETTER)),
    CONSULTATION_ARTICLE("征求意见依据", "第三十二条（第三方）或第三十四条（其他机关）", EnumSet.of(LetterKind.CONSULTATION_LETTER)),
    CONSULTATION_CONSEQUENCE("逾期后果", "逾期未提出意见的处理（依第三十二条或第三十四条）", EnumSet.of(LetterKind.CONSULTATION_LETTER)),
    FEE_AMOUNT("收费金额", "应缴的信息处理费（元）", EnumSet.of(LetterKind.FEE_NOTICE)),
    FEE_BASIS("收费方式", "按件计收或按量计收", EnumSet.of(LetterKind.FEE_NOTICE)),
    FEE_BANDS("收费标准", "国办函〔2020〕109号规定的所选方式的收费标准", EnumSet.of(LetterKind.FEE_NOTICE)),
    FEE_DUE_ON("缴费期限", "缴纳费用的期限", EnumSet.of(LetterKind.FEE_NOTICE)),
    RESULT("答复结果", "办理结果（年度报告表三的名称）", EnumSet.of(LetterKind.REPLY)),
    REPLY_WORDING("答复意见", "与办理结果相符的答复文字，含所依据的条款", EnumSet.of(LetterKind.REPLY)),
    ARTICLE("法律依据", "答复所依据的条款", EnumSet.of(LetterKind.REPLY)),
    REPLY_NOTE("答复说明", "办理人员在答复时填写的说明", EnumSet.of(LetterKind.REPLY)),
    REMEDIES("救济途径", "行政复议（60日内）和行政诉讼（6个月内）的告知", EnumSet.of(LetterKind.REPLY));

    private final String placeholder;
    private final String description;
    private final Set<LetterKind> kinds;

    LetterField(String placeholder, String description, Set<LetterKind> kinds) {
        this.placeholder = placeholder;
        this.description = description;
        this.kinds = kinds;
    }

    /** The name written between {@code {{ }}} in a template. */
    public String placeholder() {
        return placeholder;
    }

    public String description() {
        return description;
    }

    public boolean belongsTo(LetterKind kind) {
        return kinds.contains(kind);
    }

    public static java.util.List<LetterField> of(LetterKind kind) {
        return java.util.Arrays.stream(values()).filter(f -> f.belongsTo(kind)).toList();
    }

    public static java.util.Optional<LetterField> named(String placeholder) {
        return java.util.Arrays.stream(values()).filter(f -> f.placeholder.equals(placeholder)).findFirst();
    }
}
