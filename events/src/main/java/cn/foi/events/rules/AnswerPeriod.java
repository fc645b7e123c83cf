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

    private AnswerPeriod() {
    }
}
