package cn.foi.command.agency;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sequence lives in the Agency aggregate, which records each number given ({@code CaseNumberReserved}) in the unit
 * of work that registers the request: a refused or failed registration rolls its number back with it, so numbers are
 * never skipped; the store's one-writer-per-aggregate rule makes them never reused. Registrations of one agency take
 * its lock until their unit of work ends, so they do not collide on the agency's next event (one command-service
 * instance; decision 0013).
 */
@Component
class AggregateCaseNumbers implements CaseNumbers {

    private final Repository<Agency> agencies;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    AggregateCaseNumbers(@Lazy Repository<Agency> agencyRepository) {
        this.agencies = agencyRepository;
    }

    @Override
    public Given give(String agencyId, int year, String requestId) {
        ReentrantLock lock = locks.computeIfAbsent(agencyId, id -> new ReentrantLock());
        if (!lock.isHeldByCurrentThread()) {
            lock.lock();
            CurrentUnitOfWork.get().root().onCleanup(u -> lock.unlock());
        }
        return agencies.load(agencyId).invoke(agency -> agency.giveCaseNumber(year, requestId));
    }
}
