package cn.foi.events.letter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A letter's template: a title and a body, one paragraph per line, with {@code {{字段}}} where a {@link LetterField}
 * of its kind goes. The engine's defaults ({@link #DEFAULTS}) follow the wording agencies use; an agency saves its own
 * versions ({@link LetterTemplateSet}). Checked the same way when saved (command side) and when previewed (query
 * side): a field unknown or of another letter is refused, naming it.
 */
public record LetterTemplate(String title, String body) {

    public static final int MAX_TITLE_LENGTH = 60;
    public static final int MAX_BODY_LENGTH = 10_000;
    private static final Pattern FIELD = Pattern.compile("\\{\\{([^{}]*)}}");

    /** A template checked for {@code kind}; IllegalArgumentException with a Chinese reason (and an English hint) otherwise. */
    public static LetterTemplate checked(LetterKind kind, String title, String body) {
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.strip().replace("\r\n", "\n").replace('\r', '\n');
        if (t.isEmpty()) {
            throw new IllegalArgumentException("缺少文书标题 (title required)");
        }
        if (t.length() > MAX_TITLE_LENGTH || t.contains("\n")) {
            throw new IllegalArgumentException("文书标题须为一行，不超过 " + MAX_TITLE_LENGTH + " 个字符 (title too long)");
        }
        if (b.isEmpty()) {
            throw new IllegalArgumentException("缺少文书正文 (body required)");
        }
        if (b.length() > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("文书正文有 " + b.length() + " 个字符，超过上限 " + MAX_BODY_LENGTH + " 个字符 (body too long)");
        }
        if ((t + b).codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new IllegalArgumentException("文书模板含有不可见的控制字符，请删除后再保存 (control characters)");
        }
        for (String text : List.of(t, b)) {
            Set<String> unknown = new LinkedHashSet<>();
            Set<String> foreign = new LinkedHashSet<>();
            Matcher m = FIELD.matcher(text);
            while (m.find()) {
                String name = m.group(1).strip();
                var field = LetterField.named(name);
                if (field.isEmpty()) {
                    unknown.add(name);
                } else if (!field.get().belongsTo(kind)) {
                    foreign.add(name);
                }
            }
            String available = LetterField.of(kind).stream().map(f -> "{{" + f.placeholder() + "}}").toList().toString();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("模板中有未知的字段 " + unknown.stream().map(n -> "{{" + n + "}}").toList()
                                                   + "；" + kind.label() + "可用的字段：" + available + " (unknown field)");
            }
            if (!foreign.isEmpty()) {
                throw new IllegalArgumentException("字段 " + foreign.stream().map(n -> "{{" + n + "}}").toList() + " 不属于"
                                                   + kind.label() + "；可用的字段：" + available + " (field of another letter)");
            }
            String rest = FIELD.matcher(text).replaceAll("");
            if (rest.contains("{{") || rest.contains("}}")) {
                throw new IllegalArgumentException("模板中有未配对的“{{”或“}}”：字段须写作 {{字段名}} (unbalanced braces)");
            }
        }
        List<String> missing = REQUIRED.get(kind).stream().map(f -> "{{" + f.placeholder() + "}}")
                                       .filter(f -> !FIELD.matcher(b).results().map(r -> "{{" + r.group(1).strip() + "}}").toList().contains(f))
                                       .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(kind.label() + "的正文须含有字段 " + missing + "：这是法律要求告知的内容 (required field missing)");
        }
        return new LetterTemplate(t, b);
    }

    /** The letter made: its title and paragraphs, every field filled; a line left empty by its fields is left out. */
    public record Filled(String title, List<String> paragraphs) {
        public Filled {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** Fills the fields; a field without a value is left empty, a value of several lines makes as many paragraphs. */
    public Filled fill(Map<LetterField, String> values) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : body.split("\n")) {
            for (String paragraph : fill(line, values).split("\n")) {
                if (!paragraph.isBlank()) {
                    paragraphs.add(paragraph.strip());
                }
            }
        }
        return new Filled(fill(title, values).replace('\n', ' ').strip(), paragraphs);
    }

    private static String fill(String text, Map<LetterField, String> values) {
        Matcher m = FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = LetterField.named(m.group(1).strip()).map(values::get).orElse(null);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The engine's templates, used until an agency saves its own (version 0). */
    public static final Map<LetterKind, LetterTemplate> DEFAULTS = defaults();

    private static Map<LetterKind, LetterTemplate> defaults() {
        Map<LetterKind, LetterTemplate> all = new EnumMap<>(LetterKind.class);
        all.put(LetterKind.RECEIPT, new LetterTemplate(LetterKind.RECEIPT.defaultTitle(), """
                {{申请人}}：
                本机关于{{收到日期}}收到您提出的政府信息公开申请（提交方式：{{收到方式}}），申请获取“{{申请内容}}”，登记编号为{{登记编号}}。
                根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，本机关将自收到申请之日起{{答复工作日}}个工作日内，即不晚于{{答复期限}}作出答复；需要延长答复期限的，经政府信息公开工作机构负责人同意后另行告知，延长的期限最长不超过20个工作日。
                申请人补正申请、缴纳信息处理费以及本机关征求第三方或者其他机关意见所需的时间，不计算在上述期限内。
                特此回执。"""));
        all.put(LetterKind.CORRECTION_NOTICE, new LetterTemplate(LetterKind.CORRECTION_NOTICE.defaultTitle(), """
                {{申请人}}：
                本机关于{{收到日期}}收到您提出的政府信息公开申请（登记编号：{{登记编号}}），申请获取“{{申请内容}}”。经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，本机关自收到申请之日起7个工作日内，一次性告知您需要补正的事项如下：
                {{补正事项}}
                请您不晚于{{补正期限}}向本机关提交补正后的申请。答复期限自本机关收到补正后的申请之日起重新计算，本机关将自收到之日起20个工作日内作出答复。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。
                特此告知。"""));
        all.put(LetterKind.EXTENSION_NOTICE, new LetterTemplate(LetterKind.EXTENSION_NOTICE.defaultTitle(), """
                {{申请人}}：
                本机关于{{收到日期}}收到您提出的政府信息公开申请（登记编号：{{登记编号}}），申请获取“{{申请内容}}”。
                因{{延期理由}}，本机关不能在原答复期限（{{原答复期限}}）内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人{{批准人}}同意，答复期限延长{{延长工作日}}个工作日，本机关将不晚于{{延长后答复期限}}作出答复。此后申请人补正、缴纳信息处理费以及本机关征求第三方或者其他机关意见所需的时间，不计算在内。
                特此告知。"""));
        all.put(LetterKind.CONSULTATION_LETTER, new LetterTemplate(LetterKind.CONSULTATION_LETTER.defaultTitle(), """
                {{被征求意见方}}：
                本机关于{{收到日期}}收到政府信息公开申请（登记编号：{{登记编号}}），申请获取“{{申请内容}}”。该信息的公开可能涉及贵方，根据《中华人民共和国政府信息公开条例》{{征求意见依据}}的规定，现书面征求贵方意见。
                请自收到本函之日起15个工作日内书面提出是否同意公开的意见；不同意公开的，请说明理由。{{逾期后果}}
                特此函询。"""));
        all.put(LetterKind.FEE_NOTICE, new LetterTemplate(LetterKind.FEE_NOTICE.defaultTitle(), """
                {{申请人}}：
                本机关于{{收到日期}}收到您提出的政府信息公开申请（登记编号：{{登记编号}}），申请获取“{{申请内容}}”。您申请公开政府信息的数量、频次明显超过合理范围，根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关对该申请收取信息处理费{{收费金额}}元（{{收费方式}}）。收费标准如下：
                {{收费标准}}
                请您不晚于{{缴费期限}}缴纳。缴费期间不计算在答复期限内，本机关自收到费用之日起恢复计算答复期限；您逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。
                特此通知。"""));
        all.put(LetterKind.REPLY, new LetterTemplate(LetterKind.REPLY.defaultTitle(), """
                {{申请人}}：
                本机关于{{收到日期}}收到您提出的政府信息公开申请（登记编号：{{登记编号}}），申请获取“{{申请内容}}”。经办理，现答复如下：
                {{答复意见}}
                {{答复说明}}
                {{救济途径}}"""));
        return java.util.Collections.unmodifiableMap(all);
    }

    /** The fields without which a letter would not be what the law asks of it: a template must keep them. */
    public static final Map<LetterKind, List<LetterField>> REQUIRED = Map.of(
            LetterKind.RECEIPT, List.of(LetterField.RECEIVED_ON, LetterField.DUE_ON),
            LetterKind.CORRECTION_NOTICE, List.of(LetterField.CORRECTION_ITEMS, LetterField.CORRECTION_DUE_ON),
            LetterKind.EXTENSION_NOTICE, List.of(LetterField.EXTENDED_DUE_ON),
            LetterKind.CONSULTATION_LETTER, List.of(LetterField.SUBJECT),
            LetterKind.FEE_NOTICE, List.of(LetterField.FEE_AMOUNT, LetterField.FEE_DUE_ON),
            LetterKind.REPLY, List.of(LetterField.REPLY_WORDING, LetterField.REMEDIES));
}
