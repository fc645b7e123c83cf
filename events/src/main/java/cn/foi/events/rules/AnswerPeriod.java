package cn.foi.events.rules;

/**
 * The periods of the Regulations (中华人民共和国政府信息公开条例, 2019) in working days, stated once for both
 * services: the command side enforces them, the query side counts due dates with them.
 */
public final class AnswerPeriod {

    /** Art. 33 ¶2: an answer within 20 working days of receipt (or of the corrected request, Art. 30). */
    public static final int WORKING_DAYS = 20;

    /** Art. 33 ¶2: one extension, approved, of at most 20 working days. */
    public static final int MAX_EXTENSION_WORKING_DAYS = 20;

    /** Art. 30: a correction is asked for once, within 7 working days of receipt. */
    public static final int CORRECTION_NOTICE_WORKING_DAYS = 7;

    /** The current Regulations took effect on this day: a request received before it is timed by the 2008 Regulations. */
    public static final java.time.LocalDate CURRENT_REGULATIONS_IN_FORCE_FROM = java.time.LocalDate.of(2019, 5, 15);

    /** 2008 Regulations, Art. 24: an answer within 15 working days of receipt, extendable once by at most 15. */
    public static final int WORKING_DAYS_2008 = 15;

    private AnswerPeriod() {
    }

    /** The working days to answer a request received on this day: 15 before 15 May 2019, 20 from then on. */
    public static int workingDaysFor(java.time.LocalDate receivedOn) {
        return receivedOn.isBefore(CURRENT_REGULATIONS_IN_FORCE_FROM) ? WORKING_DAYS_2008 : WORKING_DAYS;
    }

    /** The longest extension of a request received on this day: 15 working days before 15 May 2019, 20 from then on. */
    public static int maxExtensionWorkingDaysFor(java.time.LocalDate receivedOn) {
        return receivedOn.isBefore(CURRENT_REGULATIONS_IN_FORCE_FROM) ? WORKING_DAYS_2008 : MAX_EXTENSION_WORKING_DAYS;
    }
}
