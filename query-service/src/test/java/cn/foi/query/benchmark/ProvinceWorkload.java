package cn.foi.query.benchmark;

import cn.foi.events.agency.AgencyRegistered;
import cn.foi.events.codes.ApplicantType;
import cn.foi.events.codes.Channel;
import cn.foi.events.codes.ResultCode;
import cn.foi.events.codes.ReviewBlock;
import cn.foi.events.codes.ReviewResult;
import cn.foi.events.request.Applicant;
import cn.foi.events.request.CorrectionReceived;
import cn.foi.events.request.CorrectionRequested;
import cn.foi.events.request.DeadlineExtended;
import cn.foi.events.request.RequestDecided;
import cn.foi.events.request.RequestReceived;
import cn.foi.events.review.ReviewConcluded;
import cn.foi.events.review.ReviewFiled;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A province-wide year of requests, as the event histories the commands would have produced: receipts
 * spread over the working days of the year, the applicant mix of published reports (mostly natural
 * persons), their answers in the shares the published reports show, and corrections, extensions and
 * reviews at realistic rates. Deterministic for a seed; sized by the number of events.
 */
final class ProvinceWorkload {

    static final int AGENCIES = Integer.getInteger("benchmark.agencies", 200);

    private final Random random;
    private final int year;
    private final LocalDate lastDay;

    ProvinceWorkload(long seed, int year, LocalDate lastDay) {
        this.random = new Random(seed);
        this.year = year;
        this.lastDay = lastDay;
    }

    static String agency(int index) {
        return "agency-" + index;
    }

    /** One commit per aggregate event list: agencies first, then requests with their whole histories. */
    void generate(long events, Consumer<List<DomainEventMessage<?>>> commit) {
        long produced = 0;
        for (int a = 0; a < AGENCIES; a++) {
            commit.accept(List.of(message("Agency", agency(a), 0,
                                          new AgencyRegistered(agency(a), "基准机构" + a, LocalDate.of(year, 1, 1)))));
            produced++;
        }
        while (produced < events) {
            produced += request(commit);
        }
    }

    private int request(Consumer<List<DomainEventMessage<?>>> commit) {
        String agency = agency(random.nextInt(AGENCIES));
        String id = UUID.randomUUID().toString();
        LocalDate received = workingDay();
        List<Object> history = new ArrayList<>();
        history.add(new RequestReceived(id, agency, received, channel(), new Applicant(applicantType(), "申请人" + random.nextInt(50_000)),
                                        "基准测试申请"));
        LocalDate clock = received;
        if (random.nextInt(100) < 8) {
            LocalDate asked = clock.plusDays(1 + random.nextInt(5));
            history.add(new CorrectionRequested(id, agency, asked, asked.plusDays(15), List.of("申请内容")));
            clock = asked.plusDays(1 + random.nextInt(10));
            history.add(new CorrectionReceived(id, agency, clock));
        }
        if (random.nextInt(100) < 5) {
            history.add(new DeadlineExtended(id, agency, clock.plusDays(20), 15, "分管负责人", "需调取档案"));
        }
        LocalDate decided = clock.plusDays(3 + random.nextInt(30));
        boolean open = random.nextInt(100) < 6 || decided.isAfter(lastDay);
        if (!open) {
            history.add(new RequestDecided(id, agency, result(), decided, null));
        }
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < history.size(); seq++) {
            events.add(message("DisclosureRequest", id, seq, history.get(seq)));
        }
        commit.accept(events);
        int count = events.size();
        if (!open && random.nextInt(100) < 3) {
            String reviewId = UUID.randomUUID().toString();
            LocalDate filed = decided.plusDays(10 + random.nextInt(40));
            if (!filed.isAfter(lastDay)) {
                List<DomainEventMessage<?>> review = new ArrayList<>();
                ReviewBlock block = ReviewBlock.values()[random.nextInt(ReviewBlock.values().length)];
                review.add(message("Review", reviewId, 0, new ReviewFiled(reviewId, id, agency, block, filed)));
                LocalDate concluded = filed.plusDays(30 + random.nextInt(60));
                if (!concluded.isAfter(lastDay) && random.nextInt(100) < 70) {
                    review.add(message("Review", reviewId, 1, new ReviewConcluded(
                            reviewId, id, agency, random.nextInt(100) < 80 ? ReviewResult.UPHELD
                                    : ReviewResult.values()[random.nextInt(ReviewResult.values().length)], concluded)));
                }
                commit.accept(review);
                count += review.size();
            }
        }
        return count;
    }

    LocalDate workingDay() {
        LocalDate first = LocalDate.of(year, 1, 1);
        int span = (int) (lastDay.toEpochDay() - first.toEpochDay());
        LocalDate day;
        do {
            day = first.plusDays(random.nextInt(span + 1));
        } while ((day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY)
                 && random.nextInt(10) > 0); // online applications arrive at weekends too, rarely
        return day;
    }

    ApplicantType applicantType() {
        int roll = random.nextInt(100);
        if (roll < 82) {
            return ApplicantType.NATURAL_PERSON;
        }
        if (roll < 92) {
            return ApplicantType.COMMERCIAL_ENTERPRISE;
        }
        return ApplicantType.values()[2 + random.nextInt(ApplicantType.values().length - 2)];
    }

    Channel channel() {
        return random.nextInt(100) < 60 ? Channel.ONLINE : Channel.values()[random.nextInt(Channel.values().length)];
    }

    /** Roughly the shares of the published reports: a third disclosed, a fifth not held, the rest spread. */
    ResultCode result() {
        int roll = random.nextInt(100);
        if (roll < 35) {
            return ResultCode.DISCLOSED;
        }
        if (roll < 45) {
            return ResultCode.PARTIALLY_DISCLOSED;
        }
        if (roll < 65) {
            return ResultCode.UNABLE_NOT_HELD;
        }
        return ResultCode.values()[random.nextInt(ResultCode.values().length)];
    }

    private static DomainEventMessage<?> message(String type, String id, long seq, Object payload) {
        return new GenericDomainEventMessage<>(type, id, seq, payload);
    }
}
