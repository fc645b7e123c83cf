package cn.foi.events.letter;

import cn.foi.events.codes.ResultCode;

import java.util.List;

/**
 * What an answer (答复书) says for each result code, and the article of the Regulations (《中华人民共和国政府信息公开条例》,
 * 2019) it rests on: Art. 36's items, Arts. 14–16 for the grounds of refusal, 35, 37, 38, 39, 30 and 42 where they
 * apply, and Art. 41 (correcting records about oneself) wherever information is provided. Two codes cover two items
 * of Art. 36 each, which the officer tells apart when making the letter: DISCLOSED (provided, 36 (二), or already
 * published, 36 (一)) and UNABLE_NOT_HELD (does not exist, 36 (四), or another agency's to disclose, 36 (五)). Stated
 * once: the letters read it from here.
 */
public final class ReplyGrounds {

    private ReplyGrounds() {
    }

    /**
     * One way of answering: {@code ground} its name ({@code DEFAULT} where a code has one), the article(s) cited,
     * the wording, what the officer must add after it ({@code explanation}, null when nothing: the officer's note then
     * follows as it is), and whether information is provided (then Art. 41 is told).
     */
    public record Ground(String ground, String label, String article, String wording, String explanation,
                         boolean providesInformation) {
    }

    public static final String REGULATIONS = "《中华人民共和国政府信息公开条例》";
    public static final String DEFAULT = "DEFAULT";

    /** The applicant's remedies (Art. 51; 行政复议法 60 days, 行政诉讼法 6 months), closing every answer. */
    public static final String REMEDIES = "如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，"
                                          + "或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。";

    /** Art. 41, told wherever information is provided. */
    public static final String CORRECTING_OWN_RECORDS = "如您有证据证明本机关提供的与您自身相关的政府信息记录不准确，可以依据"
                                                        + REGULATIONS + "第四十一条的规定要求本机关更正。";

    /** The ways of answering with this result, the usual one first. */
    public static List<Ground> of(ResultCode result) {
        return switch (result) {
            case DISCLOSED -> List.of(
                    new Ground("PROVIDED", "提供该政府信息（第三十六条第（二）项）", REGULATIONS + "第三十六条第（二）项",
                            "经审查，您申请获取的政府信息属于可以公开的政府信息。根据" + REGULATIONS
                            + "第三十六条第（二）项的规定，本机关予以公开，现将该政府信息提供给您（见附件）。", null, true),
                    new Ground("ALREADY_PUBLISHED", "已主动公开，告知获取方式（第三十六条第（一）项）", REGULATIONS + "第三十六条第（一）项",
                            "经审查，您申请获取的政府信息本机关已经主动公开。根据" + REGULATIONS
                            + "第三十六条第（一）项的规定，现告知您获取该政府信息的方式和途径如下：",
                            "写明获取该政府信息的方式、途径，如网址、公报期号", true));
            case PARTIALLY_DISCLOSED -> List.of(single(REGULATIONS + "第三十七条、第三十六条第（二）项和第（三）项",
                    "经审查，您申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理。根据" + REGULATIONS
                    + "第三十七条、第三十六条第（二）项和第（三）项的规定，本机关向您提供可以公开的政府信息内容（见附件）；对不予公开的内容，理由如下：",
                    "写明不予公开的内容及其理由", true));
            case NOT_DISCLOSED_STATE_SECRET -> refused("第十四条", "已依法确定为国家秘密");
            case NOT_DISCLOSED_PROHIBITED_BY_LAW -> refused("第十四条", "属于法律、行政法规禁止公开的政府信息");
            case NOT_DISCLOSED_ENDANGERS_SECURITY_STABILITY -> refused("第十四条", "公开后可能危及国家安全、公共安全、经济安全、社会稳定");
            case NOT_DISCLOSED_THIRD_PARTY_RIGHTS -> refused("第十五条", "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害");
            case NOT_DISCLOSED_INTERNAL_AFFAIRS -> refused("第十六条第一款", "属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）");
            case NOT_DISCLOSED_PROCESS_INFORMATION -> refused("第十六条第二款",
                    "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息");
            case NOT_DISCLOSED_ENFORCEMENT_FILE -> refused("第十六条第二款", "属于行政执法案卷信息");
            case NOT_DISCLOSED_ADMINISTRATIVE_QUERY -> List.of(single(REGULATIONS + "第三十六条第（七）项",
                    "经审查，您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据" + REGULATIONS
                    + "第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理。", null, false));
            case UNABLE_NOT_HELD -> List.of(
                    new Ground("NOT_EXIST", "该政府信息不存在（第三十六条第（四）项）", REGULATIONS + "第三十六条第（四）项",
                            "经检索，本机关没有您申请公开的政府信息。根据" + REGULATIONS + "第三十六条第（四）项的规定，现告知您该政府信息不存在。",
                            null, false),
                    new Ground("OTHER_AGENCY", "不属于本机关负责公开（第三十六条第（五）项）", REGULATIONS + "第三十六条第（五）项",
                            "经审查，您申请公开的政府信息不属于本机关负责公开。根据" + REGULATIONS
                            + "第三十六条第（五）项的规定，现告知您负责公开该政府信息的行政机关如下：",
                            "写明负责公开该政府信息的行政机关的名称、联系方式；不能确定的，说明理由", false));
            case UNABLE_NEEDS_CREATION -> List.of(single(REGULATIONS + "第三十八条",
                    "经审查，本机关没有现成的您所申请的信息，需要对现有政府信息进行加工、分析方能形成。根据" + REGULATIONS
                    + "第三十八条的规定，本机关不予提供。", null, false));
            case UNABLE_STILL_UNCLEAR -> List.of(single(REGULATIONS + "第二十九条第二款、第三十条",
                    "本机关已告知您对申请作出补正，您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息。根据" + REGULATIONS
                    + "第二十九条第二款、第三十条的规定，本机关无法提供。", null, false));
            case NOT_PROCESSED_PETITION_COMPLAINT -> List.of(single(REGULATIONS + "第三十九条第一款",
                    "经审查，您的申请系以政府信息公开申请的形式进行信访、投诉、举报等活动。根据" + REGULATIONS
                    + "第三十九条第一款的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。", null, false));
            case NOT_PROCESSED_DUPLICATE -> List.of(single(REGULATIONS + "第三十六条第（六）项",
                    "经审查，本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同的政府信息。根据" + REGULATIONS
                    + "第三十六条第（六）项的规定，本机关不予重复处理。", null, false));
            case NOT_PROCESSED_PUBLICATION -> List.of(single(REGULATIONS + "第三十九条第二款",
                    "经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。根据" + REGULATIONS
                    + "第三十九条第二款的规定，告知您可以通过公开发行的渠道获取。", null, false));
            case NOT_PROCESSED_EXCESSIVE -> List.of(single(REGULATIONS + "第三十五条",
                    "您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，本机关认为申请理由不合理。根据" + REGULATIONS
                    + "第三十五条的规定，本机关不予处理。", null, false));
            case NOT_PROCESSED_CONFIRMATION -> List.of(single(REGULATIONS + "第三十八条",
                    "经审查，您的申请系要求本机关确认或者重新出具您已获取的信息。本机关依申请提供的是已制作或者获取的政府信息（" + REGULATIONS
                    + "第三十八条），对此不作为政府信息公开申请处理。", null, false));
            case OTHER_NO_CORRECTION -> List.of(single(REGULATIONS + "第三十条",
                    "本机关已告知您对申请作出补正，您无正当理由逾期未补正。根据" + REGULATIONS
                    + "第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。", null, false));
            case OTHER_FEE_UNPAID -> List.of(single(REGULATIONS + "第四十二条",
                    "本机关已向您发出信息处理费收费通知，您逾期未按通知要求缴纳费用。根据" + REGULATIONS
                    + "第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
                    null, false));
            case OTHER_OTHER -> List.of(single("", "本机关对您的申请作如下处理：", "写明办理情况，如申请人撤回申请", false));
        };
    }

    /** The way of answering named {@code ground} (null: the usual one); IllegalArgumentException naming those there are. */
    public static Ground of(ResultCode result, String ground) {
        List<Ground> grounds = of(result);
        if (ground == null || ground.isBlank()) {
            return grounds.get(0);
        }
        return grounds.stream().filter(g -> g.ground().equals(ground.strip())).findFirst()
                      .orElseThrow(() -> new IllegalArgumentException("办理结果“" + result.label() + "”的答复没有“" + ground + "”这种情形；可选："
                              + grounds.stream().map(g -> g.ground() + "（" + g.label() + "）").toList() + " (unknown ground)"));
    }

    private static Ground single(String article, String wording, String explanation, boolean providesInformation) {
        return new Ground(DEFAULT, "", article, wording, explanation, providesInformation);
    }

    /** A refusal on one of Arts. 14–16's grounds, given under Art. 36 item (三) with its reason. */
    private static List<Ground> refused(String article, String reason) {
        return List.of(single(REGULATIONS + article + "、第三十六条第（三）项",
                "经审查，您申请获取的政府信息" + reason + "。根据" + REGULATIONS + article + "、第三十六条第（三）项的规定，本机关决定不予公开。",
                null, false));
    }
}
