package cn.foi.command.casenumber;

import cn.foi.command.problem.StateConflict;
import cn.foi.events.casenumber.CaseNumberIssued;
import cn.foi.events.casenumber.CaseNumberPattern;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The case numbers of one agency's year: the next one goes to each request at its registration, in the same append
 * as its receipt (the book's event is the append's first commit, so a number taken by another instance at the same
 * moment refuses the whole append, and it is tried again). Never reused, never skipped.
 */
@Aggregate(cache = "aggregateCache")
public class CaseBook {

    @AggregateIdentifier
    private String bookId;
    private long lastSequence;
    /** Written numbers, so that a changed pattern can never write one a second time. */
    private final Set<String> issued = new HashSet<>();

    CaseBook() {
        // for Axon, and for the first number of a year
    }

    public static String idOf(String agencyId, int year) {
        return "case-book:" + agencyId + ":" + year;
    }

    String issue(String agencyId, int year, String requestId, CaseNumberPattern pattern) {
        long sequence = lastSequence + 1;
        String caseNumber = pattern.format(year, sequence);
        if (issued.contains(caseNumber)) {
            throw new StateConflict("按现行编号格式，下一个编号 " + caseNumber + " 与本年已发编号重复，请先修改编号格式"
                                    + " (the pattern would write a number already given this year)");
        }
        apply(new CaseNumberIssued(agencyId, year, sequence, caseNumber, requestId));
        // an item of a bulk entry refused after its receipt rolls back alone, its event with it: so does the book
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> {
            lastSequence = sequence - 1;
            issued.remove(caseNumber);
        }));
        return caseNumber;
    }

    @EventSourcingHandler
    void on(CaseNumberIssued event) {
        bookId = idOf(event.agencyId(), event.year());
        lastSequence = event.sequence();
        issued.add(event.caseNumber());
    }
}
