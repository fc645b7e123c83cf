package cn.foi.events.letter;

import cn.foi.events.codes.ResultCode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LetterTemplateTest {

    @Test
    void a_template_names_only_fields_of_its_own_letter() {
        assertThatThrownBy(() -> LetterTemplate.checked(LetterKind.RECEIPT, "回执", "{{申请人}}：{{身份证号}}"))
                .hasMessageContaining("未知的字段 [{{身份证号}}]").hasMessageContaining("{{答复期限}}");
        assertThatThrownBy(() -> LetterTemplate.checked(LetterKind.RECEIPT, "回执", "{{申请人}}：{{补正期限}}"))
                .hasMessageContaining("不属于受理回执");
        assertThatThrownBy(() -> LetterTemplate.checked(LetterKind.REPLY, "答复书{{收费金额}}", "正文"))
                .as("the title is checked too").hasMessageContaining("{{收费金额}}");
        assertThatThrownBy(() -> LetterTemplate.checked(LetterKind.RECEIPT, "回执", "{{申请人：")).hasMessageContaining("未配对");
        assertThatThrownBy(() -> LetterTemplate.checked(LetterKind.RECEIPT, " ", "正文")).hasMessageContaining("标题");
        assertThatThrownBy(() -> LetterTemplate.checked(LetterKind.RECEIPT, "回执", "")).hasMessageContaining("正文");
        assertThatThrownBy(() -> LetterTemplate.checked(LetterKind.RECEIPT, "回执", "x".repeat(LetterTemplate.MAX_BODY_LENGTH + 1)))
                .hasMessageContaining("超过上限");
        assertThat(LetterTemplate.checked(LetterKind.RECEIPT, " 回执 ", "{{ 申请人 }}：\r\n{{收到日期}} {{答复期限}}\n").body())
                .isEqualTo("{{ 申请人 }}：\n{{收到日期}} {{答复期限}}");
        assertThatThrownBy(() -> LetterTemplate.checked(LetterKind.REPLY, "答复书", "{{申请人}}：{{答复意见}}"))
                .as("a reply must tell the remedies").hasMessageContaining("{{救济途径}}");
        assertThatThrownBy(() -> LetterTemplate.checked(LetterKind.CONSULTATION_LETTER, "征求意见函", "{{申请人}}：{{申请内容}}"))
                .as("a third party is not told who asked").hasMessageContaining("不属于征求第三方意见函");
    }

    @Test
    void the_engine_s_templates_pass_their_own_check() {
        LetterTemplate.DEFAULTS.forEach((kind, template) ->
                assertThat(LetterTemplate.checked(kind, template.title(), template.body())).as(kind.name()).isEqualTo(template));
        assertThat(LetterTemplate.DEFAULTS).containsOnlyKeys(LetterKind.values());
    }

    @Test
    void filling_leaves_out_a_line_its_fields_left_empty_and_makes_a_paragraph_of_each_line_of_a_value() {
        LetterTemplate template = LetterTemplate.checked(LetterKind.CORRECTION_NOTICE, "补正告知书",
                "{{申请人}}：\n请补正：\n{{补正事项}}\n{{发文日期}}\n不晚于{{补正期限}}。");
        LetterTemplate.Filled filled = template.fill(Map.of(LetterField.APPLICANT, "张三", LetterField.CORRECTION_ITEMS, "1. 名称\n2. 文号"));
        assertThat(filled.paragraphs()).containsExactly("张三：", "请补正：", "1. 名称", "2. 文号", "不晚于。");
        assertThat(template.fill(Map.of(LetterField.APPLICANT, "$1 \\ 李")).paragraphs().get(0)).as("values taken literally").isEqualTo("$1 \\ 李：");
    }

    @Test
    void every_answer_cites_the_article_it_names_and_only_answers_that_provide_information_tell_article_41() {
        for (ResultCode result : ResultCode.values()) {
            for (ReplyGrounds.Ground ground : ReplyGrounds.of(result)) {
                assertThat(ground.wording()).as(result.name()).isNotBlank();
                // every article the ground names is cited in its wording, one by one
                for (String article : ground.article().replace(ReplyGrounds.REGULATIONS, "").split("、|和")) {
                    if (!article.isEmpty()) {
                        assertThat(ground.wording()).as(result + "/" + ground.ground()).contains(article.startsWith("第") ? article : "第" + article);
                    }
                }
                assertThat(ground.providesInformation()).as(result.name())
                        .isEqualTo(result == ResultCode.DISCLOSED || result == ResultCode.PARTIALLY_DISCLOSED);
            }
        }
        assertThat(ReplyGrounds.of(ResultCode.NOT_DISCLOSED_STATE_SECRET, null).article()).endsWith("第十四条、第三十六条第（三）项");
        assertThat(ReplyGrounds.of(ResultCode.NOT_PROCESSED_PUBLICATION, null).article()).endsWith("第三十九条第二款");
        assertThat(ReplyGrounds.of(ResultCode.OTHER_NO_CORRECTION, null).article()).endsWith("第三十条");
        assertThat(ReplyGrounds.of(ResultCode.DISCLOSED, "ALREADY_PUBLISHED").article()).endsWith("第三十六条第（一）项");
        assertThat(ReplyGrounds.of(ResultCode.UNABLE_NOT_HELD, "OTHER_AGENCY").article()).endsWith("第三十六条第（五）项");
        assertThatThrownBy(() -> ReplyGrounds.of(ResultCode.UNABLE_NOT_HELD, "PUBLISHED")).hasMessageContaining("OTHER_AGENCY");
        assertThat(ReplyGrounds.REMEDIES).contains("六十日", "行政复议", "六个月", "行政诉讼");
    }
}
