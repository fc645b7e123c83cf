package cn.foi.events.request;

import cn.foi.events.codes.IdType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicantDetailsTest {

    @Test
    void a_resident_id_number_is_checked_by_its_check_digit() {
        assertThat(ApplicantDetails.validResidentId("11010519491231002X")).as("the standard's own example").isTrue();
        assertThat(ApplicantDetails.validResidentId("110105194912310021")).isFalse();
        assertThat(ApplicantDetails.validResidentId("1101051949123100")).isFalse();
        assertThat(new ApplicantDetails(IdType.RESIDENT_ID_CARD, "11010519491231002x", null, null, null).idNumber())
                .as("a lower-case x is the same number").isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> new ApplicantDetails(IdType.RESIDENT_ID_CARD, "110105194912310021", null, null, null))
                .hasMessageContaining("校验位不正确").hasMessageNotContaining("110105194912310021");
        // another document's number is taken as given
        assertThat(new ApplicantDetails(IdType.PASSPORT, "E12345678", null, null, null).idNumber()).isEqualTo("E12345678");
    }

    @Test
    void a_malformed_phone_or_email_or_a_number_without_its_type_is_refused_and_blanks_count_as_not_given() {
        assertThatThrownBy(() -> new ApplicantDetails(null, "E12345678", null, null, null)).hasMessageContaining("证件类型");
        assertThatThrownBy(() -> new ApplicantDetails(null, null, "电话", null, null)).hasMessageContaining("联系电话");
        assertThatThrownBy(() -> new ApplicantDetails(null, null, null, null, "not-an-address")).hasMessageContaining("电子邮箱");
        assertThat(new ApplicantDetails(null, " ", "", null, "  ").isEmpty()).isTrue();
    }

    @Test
    void masked_details_tell_two_applicants_apart_without_reaching_either() {
        var shown = new ApplicantDetails(IdType.RESIDENT_ID_CARD, "11010519491231002X", "13812345678", "宁夏银川市西夏区文昌北路 1 号",
                                         "zhang.san@example.cn").masked();
        assertThat(shown.idNumber()).isEqualTo("1101**********002X");
        assertThat(shown.phone()).isEqualTo("138******78");
        assertThat(shown.address()).isEqualTo("宁夏银川市西****");
        assertThat(shown.email()).isEqualTo("z********@example.cn");
        assertThat(new ApplicantDetails(IdType.PASSPORT, "E12345678", null, null, null).masked().idNumber())
                .as("a short number keeps a quarter at each end").isEqualTo("E1*****78");
    }
}
