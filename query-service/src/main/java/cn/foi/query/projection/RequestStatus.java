package cn.foi.query.projection;

/** Where a request stands (derived from its facts), as its state, lists and exports say it (the pages read the labels from GET /api/codes). */
public enum RequestStatus {
    OPEN("办理中"),
    AWAITING_CORRECTION("等待补正"),
    AWAITING_PAYMENT("等待缴费"),
    PAUSED("征求意见中"),
    DECIDED("已答复");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** An open request's state: what it waits for ({@code stop}), or OPEN while nothing stops it. */
    public static RequestStatus ofOpen(RequestFacts.Stop stop) {
        return stop == null ? OPEN : switch (stop.reason()) {
            case AWAITING_CORRECTION -> AWAITING_CORRECTION;
            case AWAITING_PAYMENT -> AWAITING_PAYMENT;
            case CONSULTING -> PAUSED;
        };
    }

    /** The label of a status code; the code itself if unknown. */
    public static String labelOf(String code) {
        for (RequestStatus status : values()) {
            if (status.name().equals(code)) {
                return status.label;
            }
        }
        return code;
    }
}
