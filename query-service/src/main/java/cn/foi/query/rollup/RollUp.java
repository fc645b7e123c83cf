package cn.foi.query.rollup;

import cn.foi.query.deadline.Deadlines;
import cn.foi.query.projection.Ledger;
import cn.foi.query.projection.RequestFacts;
import cn.foi.query.table.AnnualTable;
import cn.foi.query.table.AnnualTables;
import cn.foi.query.table.ApplicantColumn;
import cn.foi.query.table.ApplicationRow;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A government and everything under it: tables 二, 三 and 四 of every member, added cell by cell. Each member's tables
 * are its own annual tables ({@link AnnualTables}, the one classifier), so a roll-up never counts by a second copy of
 * the rules; the tree is the one of the moment asked for.
 */
@Component
public class RollUp {

    private final Ledger ledger;
    private final AnnualTables tables;
    private final Deadlines deadlines;
    private final Clock clock;
    private final Map<String, Cached> figuresNow = new ConcurrentHashMap<>();

    /** A member's figures "now", valid while its facts, the day they are judged on and the calendar stay the same. */
    private record Cached(long version, LocalDate day, Object calendar, MemberFigures figures) {
    }

    public RollUp(Ledger ledger, AnnualTables tables, Deadlines deadlines, Clock clock) {
        this.ledger = ledger;
        this.tables = tables;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** One member's figures for the year (besides its tables): the dashboard's columns. */
    public record MemberFigures(String agencyId, String name, String parentId, int depth, boolean closed, boolean published, int received,
                                int handled, int carriedForward, int answeredOnTime, int answeredLate, int overdueOpen,
                                int[] receivedByMonth, int[] answeredByMonth) {
    }

    /** The sum of the members' tables, their count, how many closed the year, and each member's figures in tree order. */
    public record Result(AnnualTable total, int members, int closed, int published, List<MemberFigures> byMember,
                         Map<String, AnnualTable> memberTables, int[] receivedByMonth, int[] answeredByMonth) {
    }

    /** Empty if the agency was not registered at {@code moment} (null: now). */
    public Optional<Result> of(String agencyId, int year, Instant moment) {
        List<String> members = ledger.subtree(agencyId, moment);
        if (members.isEmpty()) {
            return Optional.empty();
        }
        Map<ApplicationRow, Map<ApplicantColumn, Integer>> applications = new EnumMap<>(ApplicationRow.class);
        Map<String, Integer> reviews = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> proactive = new LinkedHashMap<>();
        List<MemberFigures> byMember = new ArrayList<>();
        Map<String, AnnualTable> memberTables = new LinkedHashMap<>();
        Map<String, Integer> depths = new java.util.HashMap<>();
        int closed = 0;
        int published = 0;
        int[] receivedByMonth = new int[12];
        int[] answeredByMonth = new int[12];
        for (String member : members) {
            Optional<AnnualTable> found = tables.asOf(member, year, moment);
            if (found.isEmpty()) {
                continue; // gone from the ledger while it is rebuilt; the rebuild answers again at its end
            }
            AnnualTable table = found.get();
            memberTables.put(member, table);
            table.applications().forEach((row, cells) -> cells.forEach((column, n) ->
                    applications.computeIfAbsent(row, r -> new EnumMap<>(ApplicantColumn.class)).merge(column, n, Integer::sum)));
            table.reviews().forEach((code, n) -> reviews.merge(code, n, Integer::sum));
            table.proactive().forEach((row, cells) -> cells.forEach((column, value) ->
                    proactive.computeIfAbsent(row, r -> new LinkedHashMap<>()).merge(column, value, BigDecimal::add)));
            String parent = ledger.parentAsOf(member, moment);
            int depth = member.equals(agencyId) ? 0 : depths.getOrDefault(parent, 0) + 1;
            depths.put(member, depth);
            MemberFigures figures = figures(member, year, moment, table, parent, depth);
            closed += figures.closed() ? 1 : 0;
            published += figures.published() ? 1 : 0;
            for (int m = 0; m < 12; m++) {
                receivedByMonth[m] += figures.receivedByMonth()[m];
                answeredByMonth[m] += figures.answeredByMonth()[m];
            }
            byMember.add(figures);
        }
        Optional<String> name = ledger.agencyName(agencyId);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        AnnualTable total = new AnnualTable(agencyId, name.get(), year, applications, reviews, proactive);
        return Optional.of(new Result(total, byMember.size(), closed, published, byMember, memberTables, receivedByMonth, answeredByMonth));
    }

    private MemberFigures figures(String member, int year, Instant moment, AnnualTable table, String parent, int depth) {
        long version = ledger.version(member);
        LocalDate today = dayOf(year, null);
        Object calendar = ledger.calendar();
        Cached cached = figuresNow.get(member + "/" + year);
        MemberFigures now;
        if (cached != null && cached.version() == version && cached.day().equals(today) && cached.calendar() == calendar) {
            now = cached.figures();
        } else {
            // always from the current table: these are the figures of now, whatever moment was asked for
            AnnualTable nowTable = moment == null ? table : tables.of(member, year).orElse(table);
            now = count(member, year, nowTable, parent, depth, null);
            figuresNow.put(member + "/" + year, new Cached(version, today, calendar, now));
        }
        if (moment == null) {
            return new MemberFigures(member, table.agencyName(), parent, depth, ledger.closedAsOf(member, year, null),
                                     ledger.publishedAsOf(member, year, null), now.received(), now.handled(), now.carriedForward(),
                                     now.answeredOnTime(), now.answeredLate(), now.overdueOpen(), now.receivedByMonth(), now.answeredByMonth());
        }
        LocalDate day = dayOf(year, moment);
        if (!day.equals(today)) {
            // "open past due" is judged on another day then: every open request anew
            return count(member, year, table, parent, depth, moment);
        }
        // as of a moment: the figures of now, with only the requests recorded since taken back to how they stood then
        int[] receivedByMonth = now.receivedByMonth().clone();
        int[] answeredByMonth = now.answeredByMonth().clone();
        int[] totals = {now.answeredOnTime(), now.answeredLate(), now.overdueOpen()};
        for (RequestFacts current : ledger.requests(member)) {
            RequestFacts then = current.asOf(moment);
            if (then == current) {
                continue;
            }
            contribution(current, year, day).addTo(receivedByMonth, answeredByMonth, totals, -1);
            if (then != null) {
                contribution(then, year, day).addTo(receivedByMonth, answeredByMonth, totals, 1);
            }
        }
        if (ledger.version(member) != version) {
            return count(member, year, table, parent, depth, moment);
        }
        return new MemberFigures(member, table.agencyName(), parent, depth, ledger.closedAsOf(member, year, moment),
                                 ledger.publishedAsOf(member, year, moment), table.cell(ApplicationRow.NEW, ApplicantColumn.TOTAL),
                                 table.cell(ApplicationRow.TOTAL_HANDLED, ApplicantColumn.TOTAL),
                                 table.cell(ApplicationRow.CARRIED_FORWARD, ApplicantColumn.TOTAL), totals[0], totals[1], totals[2],
                                 receivedByMonth, answeredByMonth);
    }

    /** The end of the year, or the day of the moment (today for now) if earlier: when "open past due" is judged. */
    private LocalDate dayOf(int year, Instant moment) {
        LocalDate day = moment == null ? LocalDate.now(clock) : moment.atZone(clock.getZone()).toLocalDate();
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        return endOfYear.isBefore(day) ? endOfYear : day;
    }

    /** What one request adds to a member's figures of a year: the month it came in, the month it was answered and how, overdue. */
    private record Contribution(int receivedMonth, int answeredMonth, boolean late, boolean overdue) {
        void addTo(int[] receivedByMonth, int[] answeredByMonth, int[] totals, int sign) {
            if (receivedMonth >= 0) {
                receivedByMonth[receivedMonth] += sign;
            }
            if (answeredMonth >= 0) {
                answeredByMonth[answeredMonth] += sign;
                totals[late ? 1 : 0] += sign;
            }
            if (overdue) {
                totals[2] += sign;
            }
        }
    }

    /**
     * Answered in the year on time (within the period, extended or not) or late; open at the end of the year (today for
     * the current year) and past its due date then.
     */
    private Contribution contribution(RequestFacts facts, int year, LocalDate day) {
        int received = facts.isNewIn(year) ? facts.receivedOn().getMonthValue() - 1 : -1;
        if (facts.isDecidedIn(year) && facts.result() != null) {
            return new Contribution(received, facts.decidedOn().getMonthValue() - 1, "LATE".equals(deadlines.timelinessOf(facts)), false);
        }
        boolean overdue = !facts.isDecidedIn(year) && facts.isOpenAtEndOf(year) && deadlines.asOf(facts, day).overdue();
        return new Contribution(received, -1, false, overdue);
    }

    private MemberFigures count(String member, int year, AnnualTable table, String parent, int depth, Instant moment) {
        LocalDate day = dayOf(year, moment);
        int[] receivedByMonth = new int[12];
        int[] answeredByMonth = new int[12];
        int[] totals = new int[3];
        for (RequestFacts current : ledger.requests(member)) {
            RequestFacts facts = current.asOf(moment);
            if (facts != null) {
                contribution(facts, year, day).addTo(receivedByMonth, answeredByMonth, totals, 1);
            }
        }
        return new MemberFigures(member, table.agencyName(), parent, depth, ledger.closedAsOf(member, year, moment),
                                 ledger.publishedAsOf(member, year, moment),
                                 table.cell(ApplicationRow.NEW, ApplicantColumn.TOTAL), table.cell(ApplicationRow.TOTAL_HANDLED, ApplicantColumn.TOTAL),
                                 table.cell(ApplicationRow.CARRIED_FORWARD, ApplicantColumn.TOTAL), totals[0], totals[1], totals[2],
                                 receivedByMonth, answeredByMonth);
    }
}
