package cn.foi.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refusals are written once, as "中文说明 (English hint)". People read only the Chinese: it is the problem's
 * {@code title} and {@code detail}. The English tail goes to API clients in its own field, {@code hint}
 * ({@code titleHint} for the title's), never into the text a person reads.
 */
public final class ProblemText {

    /** A trailing parenthesis of plain ASCII after Chinese text: the hint. */
    private static final Pattern WITH_HINT = Pattern.compile("(?s)^(.*\\p{IsHan}.*?)\\s*\\(([\\x20-\\x7E&&[^()]]+)\\)\\s*$");

    private ProblemText() {
    }

    /** The text a person reads. */
    public static String chinese(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = WITH_HINT.matcher(text);
        return m.matches() ? m.group(1).strip() : text;
    }

    /** The English hint for API clients, or null. */
    public static String hint(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = WITH_HINT.matcher(text);
        return m.matches() ? m.group(2).strip() : null;
    }

    /** A problem+json answer: Chinese title and detail, their English hints beside them. */
    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, chinese(detail));
        problem.setTitle(chinese(title));
        if (hint(detail) != null) {
            problem.setProperty("hint", hint(detail));
        }
        if (hint(title) != null) {
            problem.setProperty("titleHint", hint(title));
        }
        return problem;
    }
}
