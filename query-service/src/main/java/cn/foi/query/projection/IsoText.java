package cn.foi.query.projection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Dates and instants as the read model stores them ({@code LocalDate#toString}, {@code Instant#toString}),
 * read without {@code DateTimeFormatter}: that formatter was a sixth of the projection's CPU while catching up.
 * Anything not in exactly the stored shape goes to the JDK's parser, which also gives the error.
 */
final class IsoText {

    private IsoText() {
    }

    static LocalDate localDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** yyyy-MM-ddTHH:mm:ss[.fraction]Z, as {@code Instant#toString} writes years 0000–9999. */
    static Instant instant(String text) {
        int length = text.length();
        if (length >= 20 && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
            && text.charAt(length - 1) == 'Z' && (length == 20 || (text.charAt(19) == '.' && length >= 22 && length <= 30))) {
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = 0;
            if (length > 20) {
                int fraction = digits(text, 20, length - 1);
                if (fraction < 0) {
                    return Instant.parse(text);
                }
                nanos = fraction;
                for (int i = length - 1 - 20; i < 9; i++) {
                    nanos *= 10;
                }
            }
            if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60) {
                long day = localDate(text.substring(0, 10)).toEpochDay();
                return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
            }
        }
        return Instant.parse(text);
    }

    /** The non-negative number written in text[from, to), or -1 if a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
