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
}
