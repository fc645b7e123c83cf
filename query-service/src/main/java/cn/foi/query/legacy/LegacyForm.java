package cn.foi.query.legacy;

import cn.foi.events.codes.Channel;
import cn.foi.events.codes.LegacyResultCode;
import cn.foi.events.codes.LegacyStatisticsItem;
import cn.foi.events.codes.ReviewBlock;
import cn.foi.events.codes.ReviewResult;
import cn.foi.query.projection.RequestFacts;
import cn.foi.query.projection.ReviewFacts;
import cn.foi.query.view.RequestView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The statistics form of a reporting year up to 2018 (政府信息公开情况统计表), every item in printed order: those
 * counted from events by the rules of annual-report.md, the others as the agency recorded them (zero if never).
 */
public final class LegacyForm {

    private LegacyForm() {
    }

    /**
     * {@code requests}: the agency's requests received up to the end of the year; {@code reviews}: its reviews;
     * {@code timeliness}: ON_TIME, ON_TIME_AFTER_EXTENSION or LATE for an answered request (the deadline rules).
     */
    public static Map<LegacyStatisticsItem, BigDecimal> of(int year, Collection<RequestView> requests, Collection<ReviewFacts> reviews,
                                                         Map<String, BigDecimal> agencyFigures, Function<RequestFacts, String> timeliness) {
        Map<LegacyStatisticsItem, BigDecimal> items = new EnumMap<>(LegacyStatisticsItem.class);
        for (LegacyStatisticsItem item : LegacyStatisticsItem.values()) {
            items.put(item, item.source() == LegacyStatisticsItem.Source.AGENCY
                            ? agencyFigures.getOrDefault(item.name(), BigDecimal.ZERO) : BigDecimal.ZERO);
        }
        BigDecimal feesYuan = BigDecimal.ZERO;
        for (RequestView request : requests) {
            if (!request.isReceived()) {
                continue;
            }
            RequestView.Receipt receipt = request.receipt();
            if (!receipt.imported() && receipt.receivedOn().getYear() == year) {
                add(items, LegacyStatisticsItem.RECEIVED);
                add(items, channelItem(receipt.channel()));
            }
            RequestView.Decision decision = request.decision();
            if (decision != null && decision.decidedOn().getYear() == year) {
                add(items, LegacyStatisticsItem.COMPLETED);
                add(items, "ON_TIME".equals(timeliness.apply(RequestFacts.of(request)))
                           ? LegacyStatisticsItem.COMPLETED_ON_TIME : LegacyStatisticsItem.COMPLETED_EXTENDED);
                if (decision.legacyResult() != null) {
                    add(items, decision.legacyResult().item());
                }
            }
            if (request.fee() != null && request.fee().paidOn() != null && request.fee().paidOn().getYear() == year) {
                feesYuan = feesYuan.add(request.fee().amountYuan());
            }
        }
        items.put(LegacyStatisticsItem.FEES_10K_YUAN, feesYuan.divide(BigDecimal.valueOf(10_000), 4, RoundingMode.HALF_UP).stripTrailingZeros());
        for (ReviewFacts review : reviews) {
            if (review.filedOn().getYear() != year) {
                continue; // counted in the year it was filed
            }
            boolean reconsideration = review.block() == ReviewBlock.RECONSIDERATION;
            ReviewResult result = review.concludedOn() != null && review.concludedOn().getYear() <= year ? review.result() : ReviewResult.OTHER;
            add(items, switch (result) {
                case UPHELD -> reconsideration ? LegacyStatisticsItem.RECONSIDERATIONS_UPHELD : LegacyStatisticsItem.LAWSUITS_UPHELD;
                case CORRECTED -> reconsideration ? LegacyStatisticsItem.RECONSIDERATIONS_CORRECTED : LegacyStatisticsItem.LAWSUITS_CORRECTED;
                case OTHER -> reconsideration ? LegacyStatisticsItem.RECONSIDERATIONS_OTHER : LegacyStatisticsItem.LAWSUITS_OTHER;
            });
        }
        items.put(LegacyStatisticsItem.REFUSED, sum(items, LegacyStatisticsItem.REFUSED_STATE_SECRET, LegacyStatisticsItem.REFUSED_COMMERCIAL_SECRET,
                                                   LegacyStatisticsItem.REFUSED_PRIVACY, LegacyStatisticsItem.REFUSED_SECURITY_STABILITY,
                                                   LegacyStatisticsItem.REFUSED_NOT_GOVERNMENT_INFORMATION,
                                                   LegacyStatisticsItem.REFUSED_OTHER_LAWS));
        BigDecimal answered = BigDecimal.ZERO;
        for (LegacyResultCode result : LegacyResultCode.values()) {
            answered = answered.add(items.get(result.item()));
        }
        items.put(LegacyStatisticsItem.ANSWERED, answered);
        items.put(LegacyStatisticsItem.RECONSIDERATIONS, sum(items, LegacyStatisticsItem.RECONSIDERATIONS_UPHELD,
                                                            LegacyStatisticsItem.RECONSIDERATIONS_CORRECTED,
                                                            LegacyStatisticsItem.RECONSIDERATIONS_OTHER));
        items.put(LegacyStatisticsItem.LAWSUITS, sum(items, LegacyStatisticsItem.LAWSUITS_UPHELD, LegacyStatisticsItem.LAWSUITS_CORRECTED,
                                                    LegacyStatisticsItem.LAWSUITS_OTHER));
        return items;
    }

    /** The form's four ways of receipt: 当面 (and any other way), 传真, 网络 (and e-mail), 信函. */
    static LegacyStatisticsItem channelItem(Channel channel) {
        return switch (channel) {
            case IN_PERSON, OTHER -> LegacyStatisticsItem.RECEIVED_IN_PERSON;
            case FAX -> LegacyStatisticsItem.RECEIVED_FAX;
            case ONLINE, EMAIL -> LegacyStatisticsItem.RECEIVED_ONLINE;
            case LETTER -> LegacyStatisticsItem.RECEIVED_LETTER;
        };
    }

    private static void add(Map<LegacyStatisticsItem, BigDecimal> items, LegacyStatisticsItem item) {
        items.merge(item, BigDecimal.ONE, BigDecimal::add);
    }

    private static BigDecimal sum(Map<LegacyStatisticsItem, BigDecimal> items, LegacyStatisticsItem... parts) {
        BigDecimal total = BigDecimal.ZERO;
        for (LegacyStatisticsItem part : parts) {
            total = total.add(items.get(part));
        }
        return total;
    }

    /** The items by code, in printed order, as the API answers them. */
    public static Map<String, BigDecimal> byCode(Map<LegacyStatisticsItem, BigDecimal> items) {
        Map<String, BigDecimal> byCode = new LinkedHashMap<>();
        items.forEach((item, value) -> byCode.put(item.name(), value));
        return byCode;
    }

    /** The form as printed: 统计指标, 单位, 统计数, one item a row, in printed order. */
    public static cn.foi.query.table.PrintedGrid printed(Map<LegacyStatisticsItem, BigDecimal> form) {
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        rows.add(java.util.List.of("统计指标", "单位", "统计数"));
        form.forEach((item, value) -> rows.add(java.util.List.of(item.label(), item.unit(), value.stripTrailingZeros().toPlainString())));
        return cn.foi.query.table.PrintedGrid.of(rows, java.util.List.of());
    }
}
