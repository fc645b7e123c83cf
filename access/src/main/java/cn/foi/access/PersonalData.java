package cn.foi.access;

/** Masks applicant personal data for those not entitled to it (auditors, exports). */
public final class PersonalData {

    private PersonalData() {
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***, a company name keeps its first two characters. */
    public static String mask(String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        int[] codePoints = value.strip().codePoints().toArray();
        int keep = codePoints.length > 6 ? 2 : 1;
        StringBuilder masked = new StringBuilder(new String(codePoints, 0, keep));
        masked.append("*".repeat(Math.max(1, codePoints.length - keep)));
        return masked.toString();
    }

    /** The value itself for those who may see the agency's personal data, else masked. */
    public static String forCaller(String value, String agencyId) {
        return Caller.current().filter(c -> c.seesPersonalDataOf(agencyId)).isPresent() ? value : mask(value);
    }
}
