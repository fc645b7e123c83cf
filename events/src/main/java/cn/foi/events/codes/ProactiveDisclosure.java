package cn.foi.events.codes;

import java.util.List;

/** Table 二 (主动公开政府信息情况): its rows and the columns each row has. Codes are a public contract. */
public enum ProactiveDisclosure {
    RULES("第二十条第（一）项", "规章", List.of("MADE", "REPEALED", "IN_FORCE")),
    NORMATIVE_DOCUMENTS("第二十条第（一）项", "行政规范性文件", List.of("MADE", "REPEALED", "IN_FORCE")),
    LICENSING("第二十条第（五）项", "行政许可", List.of("DECISIONS")),
    PENALTIES("第二十条第（六）项", "行政处罚", List.of("DECISIONS")),
    COERCIVE_MEASURES("第二十条第（六）项", "行政强制", List.of("DECISIONS")),
    ADMINISTRATIVE_FEES("第二十条第（八）项", "行政事业性收费", List.of("AMOUNT_10K_YUAN"));

    /** Column labels as printed. */
    public static String columnLabel(String column) {
        return switch (column) {
            case "MADE" -> "本年制发件数";
            case "REPEALED" -> "本年废止件数";
            case "IN_FORCE" -> "现行有效件数";
            case "DECISIONS" -> "本年处理决定数量";
            case "AMOUNT_10K_YUAN" -> "本年收费金额（单位：万元）";
            default -> throw new IllegalArgumentException(column);
        };
    }

    private final String article;
    private final String label;
    private final List<String> columns;

    ProactiveDisclosure(String article, String label, List<String> columns) {
        this.article = article;
        this.label = label;
        this.columns = columns;
    }

    public String article() {
        return article;
    }

    public String label() {
        return label;
    }

    public List<String> columns() {
        return columns;
    }
}
