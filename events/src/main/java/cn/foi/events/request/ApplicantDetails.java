package cn.foi.events.request;

import cn.foi.events.codes.IdType;

import java.util.regex.Pattern;

/**
 * How to reach and identify an applicant: an identity document (type and number), phone, postal address, email; each
 * may be missing. Personal data: shown in full only to the agency's own officers, masked everywhere else
 * ({@link #masked()}), never written to a log. A 居民身份证 number is checked against its check digit (GB 11643).
 */
public record ApplicantDetails(IdType idType, String idNumber, String phone, String address, String email) {

    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern PHONE = Pattern.compile("[+\\d][\\d -]{4,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";

    /** Checks what was given (blank counts as not given); a message in Chinese, an English hint in brackets. */
    public ApplicantDetails {
        idNumber = blankToNull(idNumber);
        phone = blankToNull(phone);
        address = blankToNull(address);
        email = blankToNull(email);
        if (idNumber != null && idType == null) {
            throw new IllegalArgumentException("填写了证件号码，请选择证件类型 (idType is required with idNumber)");
        }
        if (idNumber != null) {
            idNumber = idNumber.toUpperCase(java.util.Locale.ROOT);
            if (idNumber.length() > 40 || idNumber.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("证件号码过长或含控制字符 (idNumber too long)");
            }
            if (idType == IdType.RESIDENT_ID_CARD && !validResidentId(idNumber)) {
                throw new IllegalArgumentException("居民身份证号码 " + mask(idNumber, 4, 4) + " 校验位不正确，请核对 (the check digit does not match)");
            }
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new IllegalArgumentException("联系电话格式不正确 (phone: digits, spaces, + or -, 5–20 characters)");
        }
        if (email != null && (email.length() > 100 || !EMAIL.matcher(email).matches())) {
            throw new IllegalArgumentException("电子邮箱格式不正确 (email is malformed)");
        }
        if (address != null && (address.length() > 200 || address.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("通信地址不能超过 200 个字符 (address too long)");
        }
    }

    public boolean isEmpty() {
        return idNumber == null && phone == null && address == null && email == null && idType == null;
    }

    /** GB 11643-1999: 17 digits weighted, the 18th the check digit (0–9 or X). */
    public static boolean validResidentId(String number) {
        if (number == null || !RESIDENT_ID.matcher(number).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_DIGITS.charAt(sum % 11) == number.charAt(17);
    }

    /** The details as a page or an export shows them: whole, or {@link #masked()}. */
    public record Shown(IdType idType, String idNumber, String phone, String address, String email) {
    }

    public Shown shown() {
        return new Shown(idType, idNumber, phone, address, email);
    }

    /** As anyone outside the agency's officers sees them: enough to tell two apart, not enough to reach anyone. */
    public Shown masked() {
        // at most a quarter of a number at each end: a passport's 9 characters keep 2 and 2, an ID card's 18 keep 4 and 4
        int kept = idNumber == null ? 0 : Math.min(4, idNumber.length() / 4);
        return new Shown(idType, idNumber == null ? null : mask(idNumber, kept, kept), phone == null ? null : mask(phone, 3, 2),
                         address == null ? null : address.substring(0, Math.min(6, address.length())) + "****",
                         email == null ? null : mask(email.substring(0, email.indexOf('@')), 1, 0) + email.substring(email.indexOf('@')));
    }

    private static String mask(String text, int keepStart, int keepEnd) {
        if (text.length() <= keepStart + keepEnd) {
            return "*".repeat(text.length());
        }
        return text.substring(0, keepStart) + "*".repeat(text.length() - keepStart - keepEnd) + text.substring(text.length() - keepEnd);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
