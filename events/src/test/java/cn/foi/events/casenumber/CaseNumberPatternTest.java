package cn.foi.events.casenumber;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseNumberPatternTest {

    @Test
    void the_default_writes_the_year_in_hexagonal_brackets_and_the_plain_sequence() {
        assertThat(CaseNumberPattern.DEFAULT.format(2026, 7)).isEqualTo("〔2026〕7号");
    }

    @Test
    void a_width_pads_the_sequence_with_zeros_and_never_cuts_it() {
        var pattern = new CaseNumberPattern("西政办依申〔{year}〕{seq:3}号");
        assertThat(pattern.format(2026, 7)).isEqualTo("西政办依申〔2026〕007号");
        assertThat(pattern.format(2026, 1234)).isEqualTo("西政办依申〔2026〕1234号");
    }

    @Test
    void the_year_may_appear_more_than_once_and_text_with_dollar_signs_stays_as_written() {
        assertThat(new CaseNumberPattern("{year}-$1-{seq:2}/{year}").format(2025, 3)).isEqualTo("2025-$1-03/2025");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "〔{year}〕号", "{year}{seq}{seq}", "〔{year}〕{seq:0}号", "〔{year}〕{seq:10}号",
                            "〔{year}〕{number}号", "〔{year}〕{seq号", "〔{year}〕seq}号", "〔2026〕{seq}号", "〔{year}〕{seq}\n号",
                            "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十〔{year}〕{seq}号"})
    void a_malformed_pattern_is_refused_with_a_chinese_reason(String text) {
        assertThatThrownBy(() -> new CaseNumberPattern(text)).isInstanceOf(IllegalArgumentException.class)
                                                             .hasMessageContaining("编号格式");
    }
}
