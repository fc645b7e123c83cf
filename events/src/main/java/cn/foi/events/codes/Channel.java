package cn.foi.events.codes;

/** How a request reached the agency; Art. 31 ties the legal receipt date to it. */
public enum Channel {
    IN_PERSON("当面提交"),
    LETTER("信函"),
    ONLINE("网络"),
    FAX("传真"),
    EMAIL("电子邮件"),
    OTHER("其他");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
