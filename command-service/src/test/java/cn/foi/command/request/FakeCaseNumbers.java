package cn.foi.command.request;

import cn.foi.command.agency.CaseNumbers;

import java.util.HashMap;
import java.util.Map;

/** Case numbers as the default pattern prints them, one sequence per agency and year (the Agency aggregate's part is tested there). */
class FakeCaseNumbers implements CaseNumbers {

    private final Map<String, Integer> given = new HashMap<>();

    @Override
    public Given give(String agencyId, int year, String requestId) {
        String key = agencyId + "/" + year;
        int sequence = given.merge(key, 1, Integer::sum);
        // as the Agency aggregate's event is: a refused registration takes its number back
        if (org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
            org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().onRollback(u -> given.merge(key, -1, Integer::sum));
        }
        return new Given(cn.foi.events.codes.CaseNumberPattern.format(null, year, sequence), sequence);
    }
}
