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
        int notices = 0;
        int paid = 0;
        BigDecimal yuan = BigDecimal.ZERO;
        for (RequestView request : requests) {
            RequestView.Fee fee = request.fee();
            if (fee == null) {
                continue;
            }
            if (fee.issuedOn() != null && fee.issuedOn().getYear() == year) {
                notices++;
            }
            if (fee.paidOn() != null && fee.paidOn().getYear() == year) {
                paid++;
                yuan = yuan.add(fee.amountYuan());
            }
        }
        return new FeeSummary(notices, paid, yuan);
    }

    public String sentence() {
        if (noticesIssued == 0 && paid == 0) {
            return "本年度未收取信息处理费。";
        }
        String notices = noticesIssued == 0 ? "本年度未发出收费通知" : "本年度共发出收费通知" + noticesIssued + "件";
        return notices + (paid == 0 ? "，未收取信息处理费。" : "，收取信息处理费" + paidYuan.stripTrailingZeros().toPlainString() + "元。");
    }
}
