package cn.foi.events.codes;

/** The three blocks of table 四: how an answer was challenged. Codes are a public contract. */
public enum ReviewBlock {
    RECONSIDERATION("行政复议"),
    LITIGATION_DIRECT("行政诉讼 · 未经复议直接起诉"),
    LITIGATION_AFTER_RECONSIDERATION("行政诉讼 · 复议后起诉");

    private final String label;

    ReviewBlock(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
