package cn.foi.events.codes;

/** How a reconsideration or lawsuit ended: 结果维持, 结果纠正, 其他结果. */
public enum ReviewResult {
    UPHELD("结果维持"),
    CORRECTED("结果纠正"),
    OTHER("其他结果");

    private final String label;

    ReviewResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
