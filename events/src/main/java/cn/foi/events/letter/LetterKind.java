package cn.foi.events.letter;

/**
 * The letters the Regulations make an agency send an applicant (or a consulted party), each tied to the step of the
 * request it tells about: a request that never had the step has no such letter.
 */
public enum LetterKind {
    /** 受理回执: every request has one, from its receipt. */
    RECEIPT("受理回执", "政府信息公开申请受理回执"),
    /** 补正告知书 (Art. 30): once the agency asked for a correction. */
    CORRECTION_NOTICE("补正告知书", "政府信息公开申请补正告知书"),
    /** 延期答复告知书 (Art. 33): once the answer period was extended. */
    EXTENSION_NOTICE("延期答复告知书", "政府信息公开申请延期答复告知书"),
    /** 征求第三方意见函 (Arts. 32, 34): one per consultation sent. */
    CONSULTATION_LETTER("征求第三方意见函", "政府信息公开征求意见函"),
    /** 收费通知书 (Art. 42, 国办函〔2020〕109号): once a fee notice was issued. */
    FEE_NOTICE("收费通知书", "政府信息公开信息处理费收费通知书"),
    /** 答复书: once the request was answered. */
    REPLY("答复书", "政府信息公开申请答复书");

    private final String label;
    private final String defaultTitle;

    LetterKind(String label, String defaultTitle) {
        this.label = label;
        this.defaultTitle = defaultTitle;
    }

    public String label() {
        return label;
    }

    public String defaultTitle() {
        return defaultTitle;
    }

    /** The kind named in a path; IllegalArgumentException naming the kinds there are otherwise. */
    public static LetterKind parse(String name) {
        for (LetterKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("没有“" + name + "”这种文书；可用的文书：" + java.util.Arrays.stream(values())
                .map(k -> k.name() + "（" + k.label() + "）").toList() + " (unknown letter kind)");
    }
}
