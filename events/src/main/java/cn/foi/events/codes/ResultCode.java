package cn.foi.events.codes;

/**
 * The 21 ways a request can end (the spec's prose says 23; its table lists 21 result rows): each is exactly one result row of table 三 (rows DISCLOSED to
 * OTHER_OTHER). Codes are a public contract; labels are the printed ones.
 */
public enum ResultCode {
    DISCLOSED("予以公开"),
    PARTIALLY_DISCLOSED("部分公开"),
    NOT_DISCLOSED_STATE_SECRET("不予公开：属于国家秘密"),
    NOT_DISCLOSED_PROHIBITED_BY_LAW("不予公开：其他法律行政法规禁止公开"),
    NOT_DISCLOSED_ENDANGERS_SECURITY_STABILITY("不予公开：危及“三安全一稳定”"),
    NOT_DISCLOSED_THIRD_PARTY_RIGHTS("不予公开：保护第三方合法权益"),
    NOT_DISCLOSED_INTERNAL_AFFAIRS("不予公开：属于三类内部事务信息"),
    NOT_DISCLOSED_PROCESS_INFORMATION("不予公开：属于四类过程性信息"),
    NOT_DISCLOSED_ENFORCEMENT_FILE("不予公开：属于行政执法案卷"),
    NOT_DISCLOSED_ADMINISTRATIVE_QUERY("不予公开：属于行政查询事项"),
    UNABLE_NOT_HELD("无法提供：本机关不掌握相关政府信息"),
    UNABLE_NEEDS_CREATION("无法提供：没有现成信息需要另行制作"),
    UNABLE_STILL_UNCLEAR("无法提供：补正后申请内容仍不明确"),
    NOT_PROCESSED_PETITION_COMPLAINT("不予处理：信访举报投诉类申请"),
    NOT_PROCESSED_DUPLICATE("不予处理：重复申请"),
    NOT_PROCESSED_PUBLICATION("不予处理：要求提供公开出版物"),
    NOT_PROCESSED_EXCESSIVE("不予处理：无正当理由大量反复申请"),
    NOT_PROCESSED_CONFIRMATION("不予处理：要求行政机关确认或重新出具已获取信息"),
    OTHER_NO_CORRECTION("其他处理：申请人无正当理由逾期不补正"),
    OTHER_FEE_UNPAID("其他处理：申请人逾期未按收费通知要求缴纳费用"),
    OTHER_OTHER("其他处理：其他");

    private final String label;

    ResultCode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
