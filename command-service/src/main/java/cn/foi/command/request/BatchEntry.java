package cn.foi.command.request;

import cn.foi.command.problem.InvalidInput;
import cn.foi.command.problem.ProblemResponses;
import cn.foi.command.request.RequestCommands.DecideRequest;
import cn.foi.command.request.RequestCommands.LogRequest;
import cn.foi.command.request.RequestController.BatchItem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk entry: the items of a batch are the same commands as the single calls (a receipt, then its decision if
 * already answered), each checked on its own and answered with its own outcome, but all inside one unit of
 * work. Each item runs in a unit of work nested in it: a refused item (its receipt or its decision) rolls back
 * whole and alone, while the accepted ones stay staged until the batch ends and are then stored in one append (one commit per request,
 * its receipt and decision together). The agency is loaded once for the batch, and a decision finds its
 * request already in memory instead of reading it back from the store. A batch is therefore one store write
 * instead of one or two per item; the agency's year close waits for it like for any command.
 */
@Component
class BatchEntry {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BatchEntry.class);

    private final CommandGateway commands;
    private final ProblemResponses problems;
    private final EventStore eventStore;

    BatchEntry(CommandGateway commands, ProblemResponses problems, @Lazy EventStore eventStore) {
        this.commands = commands;
        this.problems = problems;
        this.eventStore = eventStore;
    }

    /** The outcome of each item, in order: status 201 with its requestId, or the problem its single call would get. */
    List<Map<String, Object>> record(String agencyId, List<BatchItem> items) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        List<Map<String, Object>> outcomes = new ArrayList<>(items.size());
        try {
            for (BatchItem item : items) {
                outcomes.add(record(agencyId, item));
            }
        } catch (RuntimeException | Error unexpected) {
            rollBack(batch, unexpected);
            throw unexpected;
        }
        try {
            batch.commit();
            return outcomes;
        } catch (RuntimeException storeFailure) {
            return afterFailedStore(outcomes, storeFailure);
        } finally {
            if (batch.isActive()) { // commit refused before it began: release the locks the batch holds
                rollBack(batch, null);
            }
        }
    }

    /**
     * Rolls the batch back, and first any unit of work a command left open above it (rollback is refused to a unit
     * that is not the current one): the batch's locks are released at its cleanup.
     */
    private static void rollBack(UnitOfWork<?> batch, Throwable cause) {
        try {
            while (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() != batch) {
                CurrentUnitOfWork.get().rollback(cause);
            }
            batch.rollback(cause);
        } catch (RuntimeException e) {
            log.error("Could not roll back a batch", e);
        }
    }

    /**
     * One item, all or nothing: its receipt and its decision run in a unit of work of their own inside the batch, so
     * a refused decision takes the receipt back with it (pasting the row again after fixing it creates no duplicate).
     */
    private Map<String, Object> record(String agencyId, BatchItem item) {
        String requestId = UUID.randomUUID().toString();
        UnitOfWork<?> row = DefaultUnitOfWork.startAndGet(null);
        try {
            if (item == null || item.applicant() == null) {
                throw new InvalidInput("缺少申请人 applicant (applicant is required)");
            }
            commands.sendAndWait(new LogRequest(requestId, agencyId, item.receivedOn(), item.channel(),
                                                item.applicant().type(), item.applicant().name(), item.subject(),
                                                item.applicant().details()));
            RequestController.DecisionBody decision = item.decision();
            if (decision != null) {
                commands.sendAndWait(decision.command(requestId));
            }
        } catch (RuntimeException failure) {
            rollBackRow(row, failure);
            return refused(problems.of(failure));
        }
        row.commit(); // nested: its events join the batch's single append
        return accepted(requestId);
    }

    /** Undoes one item, and first any unit of work a command left open above it. */
    private static void rollBackRow(UnitOfWork<?> row, Throwable cause) {
        while (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() != row) {
            CurrentUnitOfWork.get().rollback(cause);
        }
        row.rollback(cause);
    }

    /**
     * The append failed. The store writes a request's commit whole or not at all, but a failure part-way through
     * the batch may have stored the commits before it: each item says what the store now holds for it.
     */
    private List<Map<String, Object>> afterFailedStore(List<Map<String, Object>> outcomes, RuntimeException storeFailure) {
        ProblemDetail notStored = problems.of(storeFailure);
        List<Map<String, Object>> checked = new ArrayList<>(outcomes.size());
        boolean reachable = true;
        for (Map<String, Object> outcome : outcomes) {
            String requestId = (String) outcome.get("requestId");
            if (requestId == null) {
                checked.add(outcome); // refused before the store was asked
                continue;
            }
            boolean stored = false;
            if (reachable) {
                try {
                    stored = eventStore.readEvents(requestId).hasNext();
                } catch (RuntimeException unreachable) {
                    reachable = false; // each further read would wait for the driver's timeout again
                }
            }
            if (!reachable) {
                Map<String, Object> unknown = refused(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "存储不可用 (store unavailable)",
                        "事件存储不可用，无法确认本件是否已登记：请先按申请编号查询，再决定是否重新提交 "
                        + "(the event store is unavailable; whether this item was recorded is unknown — look up its requestId before sending it again)"));
                unknown.put("requestId", requestId);
                checked.add(unknown);
            } else {
                checked.add(stored ? outcome : refused(notStored));
            }
        }
        return checked;
    }

    private static Map<String, Object> accepted(String requestId) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("status", 201);
        outcome.put("requestId", requestId);
        return outcome;
    }

    private static Map<String, Object> refused(ProblemDetail problem) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("status", problem.getStatus());
        outcome.put("detail", problem.getDetail());
        if (problem.getProperties() != null && problem.getProperties().get("hint") != null) {
            outcome.put("hint", problem.getProperties().get("hint"));
        }
        return outcome;
    }
}
