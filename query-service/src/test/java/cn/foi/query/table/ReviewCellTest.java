package cn.foi.query.table;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors read cells by their official row and column labels, never by the codes behind them. */
class ReviewCellTest {

    @Test
    void a_cell_of_table_three_reads_as_its_row_and_column() {
        assertThat(ReviewCell.labelOf("NEW/NATURAL_PERSON")).isEqualTo("一、本年新收政府信息公开申请数量｜自然人");
        assertThat(ReviewCell.labelOf("DISCLOSED/TOTAL")).contains("予以公开").endsWith("｜总计").doesNotContain("DISCLOSED");
    }

    @Test
    void a_cell_of_table_four_reads_as_its_block_and_outcome() {
        assertThat(ReviewCell.labelOf("RECONSIDERATION_UPHELD")).isEqualTo("行政复议｜结果维持");
        assertThat(ReviewCell.labelOf("LITIGATION_AFTER_RECONSIDERATION_PENDING")).isEqualTo("行政诉讼 · 复议后起诉｜尚未审结");
    }

    @Test
    void an_unknown_code_is_left_as_it_is() {
        assertThat(ReviewCell.labelOf("SOMETHING_ELSE")).isEqualTo("SOMETHING_ELSE");
    }
}
