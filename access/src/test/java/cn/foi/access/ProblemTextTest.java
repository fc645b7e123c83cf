package cn.foi.access;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/** People read Chinese only; an API client's English hint has its own field. */
class ProblemTextTest {

    @Test
    void the_english_tail_of_a_refusal_goes_to_the_hint() {
        ProblemDetail problem = ProblemText.problem(HttpStatus.CONFLICT, "当前状态不允许此操作 (conflict)",
                                                    "用户 wang 已存在 (user already exists)");

        assertThat(problem.getDetail()).isEqualTo("用户 wang 已存在");
        assertThat(problem.getTitle()).isEqualTo("当前状态不允许此操作");
        assertThat(problem.getProperties()).containsEntry("hint", "user already exists").containsEntry("titleHint", "conflict");
    }

    @Test
    void chinese_parentheses_and_text_without_a_hint_stay_as_they_are() {
        assertThat(ProblemText.chinese("请提供正确的用户名和密码（HTTP Basic）")).isEqualTo("请提供正确的用户名和密码（HTTP Basic）");
        assertThat(ProblemText.hint("请提供正确的用户名和密码（HTTP Basic）")).isNull();
        assertThat(ProblemText.chinese("limit must be 1..1000 (no Chinese)")).as("English only: nothing to split from")
                                                                            .isEqualTo("limit must be 1..1000 (no Chinese)");
    }

    @Test
    void only_the_last_parenthesis_is_the_hint() {
        String text = "收到日期 (receivedOn) 不能晚于今天 (receivedOn is in the future)";

        assertThat(ProblemText.chinese(text)).isEqualTo("收到日期 (receivedOn) 不能晚于今天");
        assertThat(ProblemText.hint(text)).isEqualTo("receivedOn is in the future");
    }

    @Test
    void a_hint_with_dashes_or_other_punctuation_is_still_the_hint() {
        String year = "年度 2101 无效 (year out of range 2008–2100)";
        String batch = "事件存储不可用 (the event store is unavailable; whether this item was recorded is unknown — look it up)";

        assertThat(ProblemText.chinese(year)).isEqualTo("年度 2101 无效").doesNotContainPattern(ProblemText.TRAILING_ENGLISH);
        assertThat(ProblemText.hint(year)).isEqualTo("year out of range 2008–2100");
        assertThat(ProblemText.chinese(batch)).isEqualTo("事件存储不可用");
        assertThat(ProblemText.hint(batch)).startsWith("the event store is unavailable;").endsWith("— look it up");
    }

    @Test
    void a_parenthesis_of_figures_only_is_part_of_the_chinese_text() {
        assertThat(ProblemText.chinese("正文超过上限 (20000)")).isEqualTo("正文超过上限 (20000)");
        assertThat(ProblemText.hint("正文超过上限 (20000)")).isNull();
    }
}
