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

    /**
     * A trailing parenthesis after Chinese text, with Latin letters and no Chinese in it: the hint. Any punctuation
     * counts (an en dash in "2008–2100", an em dash), so no English is left behind in the text a person reads.
     */
    private static final Pattern WITH_HINT =
            Pattern.compile("(?s)^(.*\\p{IsHan}.*?)\\s*\\((?=[^()]*\\p{IsLatin})([^()\\p{IsHan}]+)\\)\\s*$");

    /** What a hint looks like while it is still in the text a person reads: an English parenthesis at its end. */
    public static final String TRAILING_ENGLISH = "\\([^()\\p{IsHan}]*\\p{IsLatin}[^()\\p{IsHan}]*\\)\\s*$";

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
