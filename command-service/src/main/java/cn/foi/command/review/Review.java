package cn.foi.command.review;

import cn.foi.command.agency.AgencyDirectory;
import cn.foi.command.problem.InvalidInput;
import cn.foi.command.problem.NotFound;
import cn.foi.command.problem.RuleViolation;
import cn.foi.command.problem.StateConflict;
import cn.foi.command.request.RequestDirectory;
import cn.foi.command.request.RequestDirectory.RequestSummary;
import cn.foi.command.review.ReviewCommands.ConcludeReview;
import cn.foi.command.review.ReviewCommands.FileReview;
import cn.foi.command.review.ReviewCommands.Kind;
import cn.foi.events.codes.ReviewBlock;
import cn.foi.events.review.ReviewConcluded;
import cn.foi.events.review.ReviewFiled;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;

import static cn.foi.command.problem.BusinessDates.requireNotInFuture;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An administrative reconsideration or a lawsuit about one request's answer (table 四). */
@Aggregate(cache = "aggregateCache")
public class Review {

    @AggregateIdentifier
    private String reviewId;
    private String requestId;
    private String agencyId;
    private LocalDate filedOn;
    private boolean concluded;

    protected Review() {
        // for Axon
    }

    @CommandHandler
    public Review(FileReview command, Clock clock, AgencyDirectory agencies, RequestDirectory requests) {
        if (command.kind() == null || command.filedOn() == null) {
            throw new InvalidInput("缺少类型 kind 或提起日期 filedOn (kind and filedOn are required)");
        }
        boolean afterReconsideration = Boolean.TRUE.equals(command.afterReconsideration());
        if (command.kind() == Kind.RECONSIDERATION && afterReconsideration) {
            throw new RuleViolation("“复议后”只适用于行政诉讼 (afterReconsideration applies to litigation only)");
        }
        RequestSummary request = requests.find(command.requestId())
                .orElseThrow(() -> new NotFound("申请 " + command.requestId() + " 不存在 (unknown request)"));
        if (command.filedOn().isBefore(request.receivedOn())) {
            throw new RuleViolation("提起日期早于收到申请日期 (filedOn is before the request was received)");
        }
        requireNotInFuture(command.filedOn(), clock, "提起日期 filedOn");
        agencies.requireYearOpen(request.agencyId(), command.filedOn().getYear());
        ReviewBlock block = command.kind() == Kind.RECONSIDERATION ? ReviewBlock.RECONSIDERATION
                : afterReconsideration ? ReviewBlock.LITIGATION_AFTER_RECONSIDERATION : ReviewBlock.LITIGATION_DIRECT;
        apply(new ReviewFiled(command.reviewId(), command.requestId(), request.agencyId(), block, command.filedOn()));
    }

    /** Concluded once, on or after filing, in an open year. */
    @CommandHandler
    public void handle(ConcludeReview command, Clock clock, AgencyDirectory agencies) {
        if (command.result() == null || command.concludedOn() == null) {
            throw new InvalidInput("缺少结果 result 或审结日期 concludedOn (result and concludedOn are required)");
        }
        if (concluded) {
            throw new StateConflict("该复议或诉讼已审结 (already concluded)");
        }
        if (command.concludedOn().isBefore(filedOn)) {
            throw new RuleViolation("审结日期早于提起日期 (concludedOn is before filedOn)");
        }
        requireNotInFuture(command.concludedOn(), clock, "审结日期 concludedOn");
        agencies.requireYearOpen(agencyId, command.concludedOn().getYear());
        apply(new ReviewConcluded(reviewId, requestId, agencyId, command.result(), command.concludedOn()));
    }

    @EventSourcingHandler
    void on(ReviewFiled event) {
        reviewId = event.reviewId();
        requestId = event.requestId();
        agencyId = event.agencyId();
        filedOn = event.filedOn();
    }

    @EventSourcingHandler
    void on(ReviewConcluded event) {
        concluded = true;
    }


    public String agencyId() {
        return agencyId;
    }
}
