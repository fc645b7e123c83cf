package cn.foi.events.casenumber;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an agency writes its case numbers (文号 of a request): free text with {@code {year}} (the year of receipt; at
 * least once) and exactly one {@code {seq}} (the request's number in its agency and year), which may carry a width: {@code {seq:3}}
 * writes 7 as 007. For example {@code 西政办依申〔{year}〕{seq}号}.
 */
public record CaseNumberPattern(String text) {

    public static final int MAX_LENGTH = 60;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SEQ = Pattern.compile("seq(?::([1-9]))?");
    /** After the patterns above: it is checked with them. */
    public static final CaseNumberPattern DEFAULT = new CaseNumberPattern("〔{year}〕{seq}号");

    /** Checks the pattern; a message in Chinese (with an English hint in brackets) says what is wrong. */
    public CaseNumberPattern {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("编号格式不能为空 (the pattern is empty)");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("编号格式不能超过 " + MAX_LENGTH + " 个字符 (the pattern is too long)");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("编号格式不能含换行等控制字符 (control characters are not allowed)");
        }
        int sequences = 0;
        int years = 0;
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            if (SEQ.matcher(name).matches()) {
                sequences++;
            } else if (name.equals("year")) {
                years++;
            } else {
                throw new IllegalArgumentException("编号格式中的占位符 {" + name + "} 无法识别，只能使用 {year}、{seq} 或 {seq:位数}（位数 1–9）"
                                                   + " (unknown placeholder; use {year}, {seq} or {seq:N})");
            }
            placeholder.appendReplacement(rest, "");
        }
        placeholder.appendTail(rest);
        if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) {
            throw new IllegalArgumentException("编号格式中的花括号不成对 (unbalanced braces)");
        }
        if (years == 0) {
            // without the year, the numbers of two years would repeat each other
            throw new IllegalArgumentException("编号格式须含 {year}（收到申请的年度），否则各年编号会重复"
                                               + " (the pattern needs {year})");
        }
        if (sequences != 1) {
            throw new IllegalArgumentException("编号格式须含且只含一个 {seq}（序号），现有 " + sequences + " 个"
                                               + " (the pattern needs exactly one {seq})");
        }
    }

    /** The case number of the {@code sequence}-th request (from 1) received in {@code year}. */
    public String format(int year, long sequence) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder written = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value;
            if (name.equals("year")) {
                value = Integer.toString(year);
            } else {
                Matcher seq = SEQ.matcher(name);
                seq.matches();
                int width = seq.group(1) == null ? 1 : Integer.parseInt(seq.group(1));
                value = String.format("%0" + width + "d", sequence);
            }
            placeholder.appendReplacement(written, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(written);
        return written.toString();
    }
}
