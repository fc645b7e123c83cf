package cn.foi.command.request;

import cn.foi.command.agency.AgencyDirectory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The agencies a fixture test knows of, with the years it has closed. */
class FakeAgencyDirectory implements AgencyDirectory {

    private final Map<String, Set<Integer>> closedYears = new HashMap<>();

    FakeAgencyDirectory with(String agencyId, Integer... closed) {
        closedYears.put(agencyId, new HashSet<>(Set.of(closed)));
        return this;
    }

    @Override
    public boolean exists(String agencyId) {
        return closedYears.containsKey(agencyId);
    }

    @Override
    public boolean isClosed(String agencyId, int year) {
        return closedYears.getOrDefault(agencyId, Set.of()).contains(year);
    }
}
