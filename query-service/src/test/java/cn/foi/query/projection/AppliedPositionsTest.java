package cn.foi.query.projection;

import cn.foi.query.projection.AppliedPositions.Range;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedPositionsTest {

    private final AppliedPositions applied = new AppliedPositions();

    @Test
    void events_applied_in_order_make_one_prefix() {
        for (long i = 0; i < 5; i++) {
            applied.add(i);
        }
        assertThat(applied.contiguousEnd()).isEqualTo(5);
        assertThat(applied.missingBelow(5, 10)).isEmpty();
        assertThat(applied.missingCountBelow(5)).isZero();
    }

    @Test
    void events_from_several_partitions_leave_gaps_that_close_when_the_late_one_arrives() {
        applied.add(0);
        applied.add(2);
        applied.add(3);
        applied.add(5);
        assertThat(applied.missingBelow(7, 10)).containsExactly(new Range(1, 1), new Range(4, 4), new Range(6, 6));
        assertThat(applied.missingCountBelow(7)).isEqualTo(3);
        assertThat(applied.contiguousEnd()).isEqualTo(1);

        applied.add(1);
        applied.add(4);
        assertThat(applied.contiguousEnd()).isEqualTo(6);
        assertThat(applied.missingBelow(7, 10)).containsExactly(new Range(6, 6));
    }

    @Test
    void a_duplicate_delivery_counts_once() {
        applied.add(3);
        applied.add(3);
        applied.add(2);
        applied.add(3);
        assertThat(applied.count()).isEqualTo(2);
        assertThat(applied.missingBelow(4, 10)).containsExactly(new Range(0, 1));
    }

    @Test
    void nothing_applied_means_everything_below_the_head_is_missing_and_the_report_is_bounded() {
        assertThat(applied.missingBelow(3, 10)).containsExactly(new Range(0, 2));
        applied.add(1);
        applied.add(3);
        applied.add(5);
        assertThat(applied.missingBelow(100, 2)).containsExactly(new Range(0, 0), new Range(2, 2));
        assertThat(applied.missingCountBelow(100)).isEqualTo(97);
    }

    @Test
    void events_beyond_the_head_do_not_hide_a_gap_below_it() {
        applied.add(0);
        applied.add(10);
        assertThat(applied.missingCountBelow(5)).isEqualTo(4);
        assertThat(applied.missingBelow(5, 10)).containsExactly(new Range(1, 4));
    }
}
