package cn.foi.query.fee;

import cn.foi.events.codes.FeeBasis;
import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.view.RequestView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fee an officer may put on a fee notice, computed from the request and the applicant's other
 * applications; it only proposes (the notice itself is a command with the amount the agency decides).
 */
@RestController
class FeeQuoteController {

    private final ReadModel readModel;

    FeeQuoteController(ReadModel readModel) {
        this.readModel = readModel;
    }

    /** What the schedule charges for this request, how it is counted, and the rule it comes from. */
    record FeeQuote(String requestId, FeeBasis basis, java.math.BigDecimal amountYuan, List<String> explanation, String source) {
    }

    @GetMapping("/api/requests/{requestId}/fee-quote")
    FeeQuote quote(@PathVariable String requestId, @RequestParam(required = false) String basis,
                              @RequestParam(required = false) Integer pages) {
        RequestView request = readModel.request(requestId)
                                    .filter(RequestView::isReceived)
                                    .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND,
                                                                        "申请 " + requestId + " 不存在 (unknown request)"));
        FeeSchedule.Quote quote = switch (basisOf(basis)) {
            case PER_APPLICATION -> perApplication(request);
            case BY_VOLUME -> {
                if (pages == null || pages < 1) {
                    throw new QueryProblem(HttpStatus.BAD_REQUEST,
                                           "按量计收须给出页数 pages（正整数）(pages, a positive number, is required for BY_VOLUME)");
                }
                yield FeeSchedule.byVolume(pages);
            }
        };
        return new FeeQuote(requestId, quote.basis(), quote.amountYuan(), quote.explanation(), "国办函〔2020〕109号");
    }

    private FeeSchedule.Quote perApplication(RequestView request) {
        String applicant = request.receipt().applicantName();
        if (applicant == null || applicant.isBlank()) {
            throw new QueryProblem(HttpStatus.UNPROCESSABLE_ENTITY,
                                   "该申请未登记申请人姓名或名称，无法按件统计当月申请数 (the applicant has no name to count by)");
        }
        YearMonth month = YearMonth.from(request.receipt().receivedOn());
        List<RequestView> sameMonth = readModel.applicationsInMonth(request.receipt().agencyId(), applicant, month);
        int ordinal = 1;
        while (ordinal <= sameMonth.size() && !sameMonth.get(ordinal - 1).requestId().equals(request.requestId())) {
            ordinal++;
        }
        return FeeSchedule.perApplication(ordinal, sameMonth.size());
    }

    private static FeeBasis basisOf(String basis) {
        try {
            return FeeBasis.valueOf(basis);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST,
                                   "计费方式 basis 应为 PER_APPLICATION（按件）或 BY_VOLUME（按量）(basis must be PER_APPLICATION or BY_VOLUME)");
        }
    }
}
