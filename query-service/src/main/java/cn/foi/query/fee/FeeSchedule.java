package cn.foi.query.fee;

import cn.foi.events.codes.FeeBasis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The progressive information-processing fees of 国办函〔2020〕109号, so an officer never counts by hand.
 * An agency charges by one basis or the other for an application, never both.
 */
public final class FeeSchedule {

    private FeeSchedule() {
    }

    /** A computed fee with the steps that produced it, in Chinese. */
    public record Quote(FeeBasis basis, BigDecimal amountYuan, List<String> explanation) {

        public Quote {
            explanation = List.copyOf(explanation);
        }
    }

    /**
     * 按件计收: the fee for an applicant's {@code ordinal}-th application to this agency in a calendar month.
     * 1–10 free; 11–30 100 yuan each; from the 31st, 100 yuan more per application for each further
     * band of 10 (31–40: 200, 41–50: 300, …).
     */
    public static Quote perApplication(int ordinal, int applicationsInMonth) {
        if (ordinal < 1) {
            throw new IllegalArgumentException("ordinal starts at 1");
        }
        int yuan;
        String band;
        if (ordinal <= 10) {
            yuan = 0;
            band = "当月第 1—10 件不收费";
        } else if (ordinal <= 30) {
            yuan = 100;
            band = "当月第 11—30 件每件 100 元";
        } else {
            int bandIndex = (ordinal - 31) / 10 + 1;
            int from = 31 + (bandIndex - 1) * 10;
            yuan = 100 + 100 * bandIndex;
            band = "当月第 30 件以上每增加 10 件为一档、每档每件提高 100 元：第 " + from + "—" + (from + 9) + " 件每件 " + yuan + " 元";
        }
        return new Quote(FeeBasis.PER_APPLICATION, BigDecimal.valueOf(yuan),
                         List.of("同一申请人当月向本机关提出申请 " + applicationsInMonth + " 件，本件为第 " + ordinal + " 件",
                                 band, "应收 " + yuan + " 元"));
    }

    /**
     * 按量计收, progressively by pages of one application: 1–30 free; 31–100 at 10 yuan, 101–200 at 20
     * yuan, from 201 at 40 yuan a page, each rate for the pages in its band only.
     */
    public static Quote byVolume(int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("pages must be positive");
        }
        int[][] bands = {{1, 30, 0}, {31, 100, 10}, {101, 200, 20}, {201, Integer.MAX_VALUE, 40}};
        List<String> steps = new ArrayList<>();
        steps.add("本件提供信息共 " + pages + " 页，分段累进计算");
        int total = 0;
        for (int[] band : bands) {
            if (pages < band[0]) {
                break;
            }
            int last = Math.min(pages, band[1]);
            int count = last - band[0] + 1;
            int amount = count * band[2];
            total += amount;
            String range = band[1] == Integer.MAX_VALUE ? band[0] + " 页以上" : band[0] + "—" + band[1] + " 页";
            steps.add(range + "：" + count + " 页 × " + band[2] + " 元 = " + amount + " 元");
        }
        steps.add("应收 " + total + " 元");
        return new Quote(FeeBasis.BY_VOLUME, BigDecimal.valueOf(total), steps);
    }

    /** The bands of a basis as a fee notice prints them (国办函〔2020〕109号). */
    public static String bands(FeeBasis basis) {
        return switch (basis) {
            case PER_APPLICATION -> "按件计收：同一申请人一个自然月内累计申请 10 件以下（含 10 件）的，不收费；11—30 件（含 30 件）的部分，"
                                    + "每件收费 100 元；31 件以上的部分，以 10 件为一档，每增加一档，收费标准提高 100 元/件。";
            case BY_VOLUME -> "按量计收：同一申请件中，30 页以下（含 30 页）的，不收费；31—100 页（含 100 页）的部分，每页收费 10 元；"
                              + "101—200 页（含 200 页）的部分，每页收费 20 元；201 页以上的部分，每页收费 40 元。";
        };
    }
}
