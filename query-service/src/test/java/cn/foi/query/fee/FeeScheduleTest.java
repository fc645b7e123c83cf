package cn.foi.query.fee;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** 国办函〔2020〕109号, counted by hand band by band. */
class FeeScheduleTest {

    @ParameterizedTest(name = "application no. {0} of the month costs {1} yuan")
    @CsvSource({"1,0", "10,0", "11,100", "30,100", "31,200", "40,200", "41,300", "50,300", "51,400", "60,400", "61,500", "75,600"})
    void per_application_the_first_ten_a_month_are_free_then_the_price_rises_per_band_of_ten(int ordinal, int yuan) {
        assertThat(FeeSchedule.perApplication(ordinal, ordinal).amountYuan()).isEqualByComparingTo(String.valueOf(yuan));
    }

    @ParameterizedTest(name = "{0} pages cost {1} yuan")
    @CsvSource({
            "1,0", "30,0",
            "31,10", "100,700",              // 70 pages at 10
            "101,720", "200,2700",           // + 100 pages at 20
            "201,2740", "250,4700"           // + 50 pages at 40
    })
    void by_volume_each_band_of_pages_is_charged_at_its_own_rate(int pages, int yuan) {
        assertThat(FeeSchedule.byVolume(pages).amountYuan()).isEqualByComparingTo(String.valueOf(yuan));
    }

    @org.junit.jupiter.api.Test
    void the_quote_explains_its_bands() {
        assertThat(FeeSchedule.byVolume(150).explanation())
                .contains("31—100 页：70 页 × 10 元 = 700 元", "101—200 页：50 页 × 20 元 = 1000 元", "应收 1700 元");
        assertThat(FeeSchedule.perApplication(12, 15).explanation().get(0)).contains("15 件", "第 12 件");
    }
}
