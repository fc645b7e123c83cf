package cn.foi.events.codes;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics form of years up to 2018 and the old result codes are contracts: they equal the specification
 * (a copy of annual-report.md in the test resources), code for code, label for label, in printed order.
 */
class LegacyStatisticsItemTest {

    private static String spec() throws IOException {
        try (InputStream in = LegacyStatisticsItemTest.class.getResourceAsStream("/spec/annual-report.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_form_s_items_are_the_specified_ones_in_printed_order() throws IOException {
        String form = spec().substring(spec().indexOf("## The statistics form of reporting years up to 2018"));
        Matcher row = Pattern.compile("(?m)^\\| ([A-Z0-9_]+) \\| (.+?) \\| (.+?) \\| ([EM])(.*?) \\|$").matcher(form);
        List<String> specified = new ArrayList<>();
        while (row.find()) {
            specified.add(row.group(1) + " | " + row.group(2) + " | " + row.group(3) + " | "
                          + (row.group(4).equals("E") ? "EVENTS" : "AGENCY"));
        }

        assertThat(specified).hasSizeGreaterThan(50);
        assertThat(Arrays.stream(LegacyStatisticsItem.values())
                         .map(item -> item.name() + " | " + item.label() + " | " + item.unit() + " | " + item.source()))
                .containsExactlyElementsOf(specified);
    }

    @Test
    void the_old_result_codes_are_the_specified_ones_each_counted_in_its_own_item() throws IOException {
        String rule = spec().substring(spec().indexOf("**Results under the old Regulations (2008).**"));
        rule = rule.substring(0, rule.indexOf("and a decision dated 2019"));
        List<String> named = new ArrayList<>();
        Matcher code = Pattern.compile("`([A-Z_]+)…?`").matcher(rule);
        while (code.find()) {
            named.add(code.group(1));
        }
        List<String> refusals = Arrays.stream(LegacyStatisticsItem.values()).map(Enum::name)
                                      .filter(name -> name.startsWith("REFUSED_")).toList();

        assertThat(refusals).hasSize(6);
        List<String> expected = new ArrayList<>();
        for (String name : named) {
            if (name.equals("REFUSED_")) { // "the six REFUSED_…"
                expected.addAll(refusals);
            } else {
                expected.add(name);
            }
        }
        assertThat(Arrays.stream(LegacyResultCode.values()).map(Enum::name)).containsExactlyElementsOf(expected);
        for (LegacyResultCode result : LegacyResultCode.values()) {
            assertThat(result.item().source()).isEqualTo(LegacyStatisticsItem.Source.EVENTS);
        }
    }

    @Test
    void an_old_result_reads_as_the_form_prints_its_item() {
        assertThat(LegacyResultCode.AGREED.label()).isEqualTo("同意公开");
        assertThat(LegacyResultCode.ALREADY_PROACTIVE.label()).isEqualTo("属于已主动公开范围");
        assertThat(LegacyResultCode.REFUSED_PRIVACY.label()).isEqualTo("不同意公开：涉及个人隐私");
        assertThat(LegacyResultCode.TOLD_OTHER_CHANNEL.label()).isEqualTo("告知通过其他途径办理");
    }
}
