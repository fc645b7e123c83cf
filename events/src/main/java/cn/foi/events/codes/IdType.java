package cn.foi.events.codes;

/** The identity document an applicant gave (申请人身份证明), as the application form names it. */
public enum IdType {
    RESIDENT_ID_CARD("居民身份证"),
    PASSPORT("护照"),
    HONG_KONG_MACAO_PERMIT("港澳居民来往内地通行证"),
    TAIWAN_PERMIT("台湾居民来往大陆通行证"),
    SOCIAL_CREDIT_CODE("统一社会信用代码"),
    OTHER("其他有效证件");

    private final String label;

    IdType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
