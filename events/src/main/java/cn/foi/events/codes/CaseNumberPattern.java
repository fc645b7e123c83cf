package cn.foi.events.codes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an agency numbers its requests (e.g. 西政办依申〔{year}〕{seq}号): {@code {year}} the year of receipt, {@code {seq}}
 * the request's place in that year's sequence, {@code {seq:3}} the same padded with zeros to three digits. One
 * {@code {seq}} exactly, no other placeholder, at most 64 characters.
 */
public final class CaseNumberPattern {

    public static final String DEFAULT = "〔{year}〕{seq}号";
    public static final int MAX_LENGTH = 64;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SEQ = Pattern.compile("seq(?::([1-9]))?");

    private CaseNumberPattern() {
    }

    /** Why the pattern is refused, in Chinese; null if it is well formed. */
    public static String problemWith(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return "编号规则 pattern 不能为空";
        }
        if (pattern.length() > MAX_LENGTH) {
            return "编号规则不能超过 " + MAX_LENGTH + " 个字符";
        }
        int seqs = 0;
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            String name = m.group(1);
            if (SEQ.matcher(name).matches()) {
                seqs++;
            } else if (!name.equals("year")) {
                return "编号规则中的 {" + name + "} 无法识别：只能使用 {year}（收到年度）、{seq}（年度内序号）或 {seq:3}（补零到 3 位）";
            }
        }
        String rest = PLACEHOLDER.matcher(pattern).replaceAll("");
        if (rest.contains("{") || rest.contains("}")) {
            return "编号规则中的花括号不成对";
        }
        if (seqs != 1) {
            return "编号规则须恰好包含一个 {seq}（年度内序号），现有 " + seqs + " 个";
        }
        if (pattern.codePoints().anyMatch(Character::isISOControl)) {
            return "编号规则不能包含控制字符";
        }
        return null;
    }

    /** The case number of the {@code sequence}-th request received in {@code year}. */
    public static String format(String pattern, int year, int sequence) {
        Matcher m = PLACEHOLDER.matcher(pattern == null ? DEFAULT : pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.equals("year")) {
                value = String.valueOf(year);
            } else {
                Matcher seq = SEQ.matcher(name);
                if (!seq.matches()) {
                    throw new IllegalArgumentException("unknown placeholder " + name);
                }
                value = seq.group(1) == null ? String.valueOf(sequence) : String.format("%0" + seq.group(1) + "d", sequence);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
