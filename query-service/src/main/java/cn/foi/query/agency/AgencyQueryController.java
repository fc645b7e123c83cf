package cn.foi.query.agency;

import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.ReadModel;
import cn.foi.query.view.AgencyView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
class AgencyQueryController {

    private final ReadModel readModel;

    AgencyQueryController(ReadModel readModel) {
        this.readModel = readModel;
    }

    /**
     * An agency as the pages need it: its name and its closed (frozen) years, each with when it was closed, how many
     * requests it carried forward, and when the close was recorded (a table as of before then is not closed).
     */
    record Agency(String agencyId, String name, String parentId, Map<String, AgencyView.YearClose> closedYears,
                  List<AgencyView.Placement> placements, String caseNumberPattern) {

        static Agency of(AgencyView view) {
            Map<String, AgencyView.YearClose> years = new java.util.TreeMap<>();
            view.closedYears().forEach((year, close) -> years.put(String.valueOf(year), close));
            return new Agency(view.agencyId(), view.name(), view.parentId(), years, view.placements(), view.caseNumberPattern());
        }
    }

    /** The agencies the caller may read, for the web application's agency picker. */
    @GetMapping("/api/agencies")
    List<Agency> agencies() {
        cn.foi.access.Caller caller = cn.foi.access.Caller.current().orElseThrow();
        return readModel.allAgencies().stream()
                        .filter(view -> caller.mayRead(view.agencyId()))
                        .map(Agency::of)
                        .toList();
    }

    @GetMapping("/api/agencies/{agencyId}")
    Agency agency(@PathVariable String agencyId) {
        return readModel.agency(agencyId).map(Agency::of)
                        .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND, "机构 " + agencyId + " 不存在 (unknown agency)"));
    }
}
