package cn.foi.query.report;

import cn.foi.query.view.RequestView;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * The generated opening sentence of part 六 of a report: fee notices issued and 信息处理费 paid in the year
 * (国办函〔2020〕109号), from the requests' fee events.
 */
public record FeeSummary(int noticesIssued, int paid, BigDecimal paidYuan) {

    public static FeeSummary of(int year, Collection<RequestView> requests) {
        return of(year, requests, null);
    }

    /** As recorded by {@code moment} (null: now): a notice or payment recorded later is not yet counted. */
    public static FeeSummary of(int year, Collection<RequestView> requests, java.time.Instant moment) {
        int notices = 0;
        int paid = 0;
        BigDecimal yuan = BigDecimal.ZERO;
        for (RequestView request : requests) {
            RequestView.Fee fee = request.fee();
            if (fee == null) {
                continue;
            }
            if (fee.issuedOn() != null && fee.issuedOn().getYear() == year && recordedBy(request, "FeeNoticeIssued", moment)) {
                notices++;
            }
            if (fee.paidOn() != null && fee.paidOn().getYear() == year && recordedBy(request, "FeePaid", moment)) {
                paid++;
                yuan = yuan.add(fee.amountYuan());
            }
        }
        return new FeeSummary(notices, paid, yuan);
    }

    private static boolean recordedBy(RequestView request, String type, java.time.Instant moment) {
        if (moment == null) {
            return true;
        }
        return request.history().stream().anyMatch(entry -> type.equals(entry.type()) && entry.recordedAt() != null
                                                             && !entry.recordedAt().isAfter(moment));
    }

    /**
     * The sentence of the report of {@code year}: 信息处理费 under the current Regulations (Art. 42), the fees for
     * information disclosed on request under the 2008 ones.
     */
    public String sentence(int year) {
        String fee = cn.foi.events.rules.ReportingYear.isUnder2008Regulations(year) ? "依申请公开信息的费用" : "信息处理费";
        if (noticesIssued == 0 && paid == 0) {
            return "本年度未收取" + fee + "。";
        }
        String notices = noticesIssued == 0 ? "本年度未发出收费通知" : "本年度共发出收费通知" + noticesIssued + "件";
        return notices + (paid == 0 ? "，未收取" + fee + "。" : "，收取" + fee + paidYuan.stripTrailingZeros().toPlainString() + "元。");
    }
}
