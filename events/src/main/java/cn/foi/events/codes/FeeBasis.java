package cn.foi.events.codes;

/** How an information-processing fee is charged (国办函〔2020〕109号): one or the other, never both. */
public enum FeeBasis {
    /** 按件计收: by the applicant's number of applications in the calendar month. */
    PER_APPLICATION("按件计收"),
    /** 按量计收: by the pages of the information provided. */
    BY_VOLUME("按量计收");

    private final String label;

    FeeBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
