package cn.foi.events.codes;

/**
 * The items of the statistics form in which reports of reporting years up to 2018 were published
 * (政府信息公开情况统计表), in printed order, with their printed labels and units. {@link Source#EVENTS} items are
 * counted from a year's events; {@link Source#AGENCY} items are figures the agency records for the year, as it does
 * table 二 for later years. Years up to 2018 are reported in this form, never in table 三.
 */
public enum LegacyStatisticsItem {
    PROACTIVE_ITEMS("一、主动公开情况（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", Source.AGENCY),
    PROACTIVE_NORMATIVE_DOCS("其中：主动公开规范性文件数", "条", Source.AGENCY),
    NORMATIVE_DOCS_ISSUED("制发规范性文件总数", "件", Source.AGENCY),
    PROACTIVE_BY_GAZETTE("（二）1.政府公报公开政府信息数", "条", Source.AGENCY),
    PROACTIVE_BY_WEBSITE("2.政府网站公开政府信息数", "条", Source.AGENCY),
    PROACTIVE_BY_WEIBO("3.政务微博公开政府信息数", "条", Source.AGENCY),
    PROACTIVE_BY_WECHAT("4.政务微信公开政府信息数", "条", Source.AGENCY),
    PROACTIVE_BY_OTHER("5.其他方式公开政府信息数", "条", Source.AGENCY),
    RESPONSES_HOT_TOPICS("二、回应解读情况（一）回应公众关注热点或重大舆情数", "次", Source.AGENCY),
    RESPONSES_PRESS_CONFERENCES("（二）1.参加或举办新闻发布会总次数", "次", Source.AGENCY),
    RESPONSES_PRESS_CONFERENCES_BY_HEAD("其中：主要负责同志参加新闻发布会次数", "次", Source.AGENCY),
    RESPONSES_ONLINE_INTERVIEWS("2.政府网站在线访谈次数", "次", Source.AGENCY),
    RESPONSES_ONLINE_INTERVIEWS_BY_HEAD("其中：主要负责同志参加政府网站在线访谈次数", "次", Source.AGENCY),
    RESPONSES_INTERPRETATIONS("3.政策解读稿件发布数", "篇", Source.AGENCY),
    RESPONSES_WEIBO_WECHAT("4.微博微信回应事件数", "次", Source.AGENCY),
    RESPONSES_OTHER("5.其他方式回应事件数", "次", Source.AGENCY),
    RECEIVED("三、依申请公开情况（一）收到申请数", "件", Source.EVENTS),
    RECEIVED_IN_PERSON("1.当面申请数", "件", Source.EVENTS),
    RECEIVED_FAX("2.传真申请数", "件", Source.EVENTS),
    RECEIVED_ONLINE("3.网络申请数", "件", Source.EVENTS),
    RECEIVED_LETTER("4.信函申请数", "件", Source.EVENTS),
    COMPLETED("（二）申请办结数", "件", Source.EVENTS),
    COMPLETED_ON_TIME("1.按时办结数", "件", Source.EVENTS),
    COMPLETED_EXTENDED("2.延期办结数", "件", Source.EVENTS),
    ANSWERED("（三）申请答复数", "件", Source.EVENTS),
    ALREADY_PROACTIVE("1.属于已主动公开范围数", "件", Source.EVENTS),
    AGREED("2.同意公开答复数", "件", Source.EVENTS),
    AGREED_PARTIALLY("3.同意部分公开答复数", "件", Source.EVENTS),
    REFUSED("4.不同意公开答复数", "件", Source.EVENTS),
    REFUSED_STATE_SECRET("其中：涉及国家秘密", "件", Source.EVENTS),
    REFUSED_COMMERCIAL_SECRET("涉及商业秘密", "件", Source.EVENTS),
    REFUSED_PRIVACY("涉及个人隐私", "件", Source.EVENTS),
    REFUSED_SECURITY_STABILITY("危及国家安全、公共安全、经济安全和社会稳定", "件", Source.EVENTS),
    REFUSED_NOT_GOVERNMENT_INFORMATION("不是《条例》所指政府信息", "件", Source.EVENTS),
    REFUSED_OTHER_LAWS("法律法规规定的其他情形", "件", Source.EVENTS),
    NOT_THIS_AGENCY("5.不属于本行政机关公开数", "件", Source.EVENTS),
    NOT_EXIST("6.申请信息不存在数", "件", Source.EVENTS),
    TOLD_TO_AMEND("7.告知作出更改补充数", "件", Source.EVENTS),
    TOLD_OTHER_CHANNEL("8.告知通过其他途径办理数", "件", Source.EVENTS),
    RECONSIDERATIONS("四、行政复议数量", "件", Source.EVENTS),
    RECONSIDERATIONS_UPHELD("（一）维持具体行政行为数", "件", Source.EVENTS),
    RECONSIDERATIONS_CORRECTED("（二）被依法纠错数", "件", Source.EVENTS),
    RECONSIDERATIONS_OTHER("（三）其他情形数", "件", Source.EVENTS),
    LAWSUITS("五、行政诉讼数量", "件", Source.EVENTS),
    LAWSUITS_UPHELD("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", Source.EVENTS),
    LAWSUITS_CORRECTED("（二）被依法纠错数", "件", Source.EVENTS),
    LAWSUITS_OTHER("（三）其他情形数", "件", Source.EVENTS),
    COMPLAINTS("六、举报投诉数量", "件", Source.AGENCY),
    FEES_10K_YUAN("七、依申请公开信息收取的费用", "万元", Source.EVENTS),
    DEDICATED_UNITS("八、（一）政府信息公开工作专门机构数", "个", Source.AGENCY),
    READING_POINTS("（二）设置政府信息公开查阅点数", "个", Source.AGENCY),
    STAFF("（三）从事政府信息公开工作人员数", "人", Source.AGENCY),
    STAFF_FULL_TIME("1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", Source.AGENCY),
    STAFF_PART_TIME("2.兼职人员数", "人", Source.AGENCY),
    SPECIAL_FUNDS_10K_YUAN("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", Source.AGENCY),
    MEETINGS("九、（一）召开政府信息与政务公开工作会议或专题会议数", "次", Source.AGENCY),
    TRAINING_COURSES("（二）举办各类培训班数", "次", Source.AGENCY),
    TRAINEES("（三）接受培训人员数", "人次", Source.AGENCY);

    /** Where an item's figure comes from. */
    public enum Source {
        /** Counted from the year's events. */
        EVENTS,
        /** Recorded by the agency for the year. */
        AGENCY
    }

    private final String label;
    private final String unit;
    private final Source source;

    LegacyStatisticsItem(String label, String unit, Source source) {
        this.label = label;
        this.unit = unit;
        this.source = source;
    }

    /** The item as the form prints it, numbering included. */
    public String label() {
        return label;
    }

    /** The unit the form prints beside the figure (件, 条, 万元 …). */
    public String unit() {
        return unit;
    }

    public Source source() {
        return source;
    }
}
