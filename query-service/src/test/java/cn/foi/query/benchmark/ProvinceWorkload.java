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

    /** Cities under the province (agency 0), the rest as counties and offices under the cities: three levels. */
    static final int CITIES = 13;

    static String parentOf(int index) {
        if (index == 0) {
            return null;
        }
        return index <= CITIES ? agency(0) : agency(1 + (index - CITIES - 1) % CITIES);
    }

    /** An event and the business day its command was given on. */
    private record Dated(LocalDate day, DomainEventMessage<?> event) {
    }

    /**
     * One commit per event, as commands given one at a time produce them, in the order of their business days:
     * agencies first, then a day's receipts, corrections, extensions, decisions and reviews, so that a request's
     * receipt and its decision lie weeks of other requests apart in the log, as in an agency's real history.
     */
    void generate(long events, Consumer<List<DomainEventMessage<?>>> commit) {
        long produced = 0;
        for (int a = 0; a < AGENCIES; a++) {
            commit.accept(List.of(message("Agency", agency(a), 0,
                                          new AgencyRegistered(agency(a), "基准机构" + a, LocalDate.of(year, 1, 1)))));
            produced++;
            String parent = parentOf(a);
            if (parent != null) {
                commit.accept(List.of(message("Agency", agency(a), 1,
                                              new cn.foi.events.agency.AgencyPlaced(agency(a), parent, null, LocalDate.of(year, 1, 1)))));
                produced++;
            }
        }
        List<Dated> history = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, events));
        while (produced < events) {
            produced += request(history);
        }
        history.sort(java.util.Comparator.comparing(Dated::day)); // stable: an aggregate's events keep their order
        for (Dated dated : history) {
            commit.accept(List.of(dated.event()));
        }
    }

    private int request(List<Dated> log) {
        String agency = agency(random.nextInt(AGENCIES));
        String id = UUID.randomUUID().toString();
        LocalDate received = workingDay();
        List<Dated> history = new ArrayList<>();
        history.add(dated("DisclosureRequest", id, history.size(), received,
                          new RequestReceived(id, agency, received, channel(),
                                              new Applicant(applicantType(), "申请人" + random.nextInt(50_000)), "基准测试申请")));
        LocalDate clock = received;
        if (random.nextInt(100) < 8) {
            LocalDate asked = clock.plusDays(1 + random.nextInt(5));
            history.add(dated("DisclosureRequest", id, history.size(), asked,
                              new CorrectionRequested(id, agency, asked, asked.plusDays(15), List.of("申请内容"))));
            clock = asked.plusDays(1 + random.nextInt(10));
            history.add(dated("DisclosureRequest", id, history.size(), clock, new CorrectionReceived(id, agency, clock)));
        }
        if (random.nextInt(100) < 5) {
            history.add(dated("DisclosureRequest", id, history.size(), clock,
                              new DeadlineExtended(id, agency, clock.plusDays(20), 15, "分管负责人", "需调取档案")));
        }
        LocalDate decided = clock.plusDays(3 + random.nextInt(30));
        boolean open = random.nextInt(100) < 6 || decided.isAfter(lastDay);
        if (!open) {
            history.add(dated("DisclosureRequest", id, history.size(), decided, new RequestDecided(id, agency, result(), decided, null)));
        }
        if (!open && random.nextInt(100) < 3) {
            String reviewId = UUID.randomUUID().toString();
            LocalDate filed = decided.plusDays(10 + random.nextInt(40));
            if (!filed.isAfter(lastDay)) {
                ReviewBlock block = ReviewBlock.values()[random.nextInt(ReviewBlock.values().length)];
                history.add(dated("Review", reviewId, 0, filed, new ReviewFiled(reviewId, id, agency, block, filed)));
                LocalDate concluded = filed.plusDays(30 + random.nextInt(60));
                if (!concluded.isAfter(lastDay) && random.nextInt(100) < 70) {
                    history.add(dated("Review", reviewId, 1, concluded, new ReviewConcluded(
                            reviewId, id, agency, random.nextInt(100) < 80 ? ReviewResult.UPHELD
                                    : ReviewResult.values()[random.nextInt(ReviewResult.values().length)], concluded)));
                }
            }
        }
        log.addAll(history);
        return history.size();
    }

    private static Dated dated(String type, String id, long seq, LocalDate day, Object payload) {
        return new Dated(day, message(type, id, seq, payload));
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
