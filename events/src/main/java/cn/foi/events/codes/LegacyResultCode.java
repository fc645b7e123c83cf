package cn.foi.events.codes;

/**
 * How a request ended under the 2008 Regulations: the results a decision dated in a reporting year up to 2018 takes,
 * each counted in the statistics form's item of the same name (whose printed label it shares). Decisions dated from
 * 2019 on take a {@link ResultCode}.
 */
public enum LegacyResultCode {
    ALREADY_PROACTIVE,
    AGREED,
    AGREED_PARTIALLY,
    REFUSED_STATE_SECRET,
    REFUSED_COMMERCIAL_SECRET,
    REFUSED_PRIVACY,
    REFUSED_SECURITY_STABILITY,
    REFUSED_NOT_GOVERNMENT_INFORMATION,
    REFUSED_OTHER_LAWS,
    NOT_THIS_AGENCY,
    NOT_EXIST,
    TOLD_TO_AMEND,
    TOLD_OTHER_CHANNEL;

    /** The item of the statistics form this result is counted in. */
    public LegacyStatisticsItem item() {
        return LegacyStatisticsItem.valueOf(name());
    }

    /**
     * The result as a person reads it: the form's item without its numbering and its trailing 数; a refusal's
     * reason after 不同意公开, as the form prints the reasons under that item.
     */
    public String label() {
        String item = item().label().replaceFirst("^(其中：|\\d+\\.)", "").replaceFirst("(答复)?数$", "");
        return name().startsWith("REFUSED_") ? "不同意公开：" + item : item;
    }
}
