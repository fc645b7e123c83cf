package cn.foi.query.agency;

import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.ReadModel;
import org.bson.Document;
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

    /** The agencies the caller may read, for the web application's agency picker. */
    @GetMapping("/api/agencies")
    java.util.List<Map<String, Object>> agencies() {
        cn.foi.access.Caller caller = cn.foi.access.Caller.current().orElseThrow();
        return readModel.allAgencies().stream()
                        .filter(doc -> caller.mayRead(doc.getString("_id")))
                        .map(doc -> describe(doc.getString("_id"), doc))
                        .toList();
    }

    /** An agency with its closed (frozen) years. */
    @GetMapping("/api/agencies/{agencyId}")
    Map<String, Object> agency(@PathVariable String agencyId) {
        Document doc = readModel.agency(agencyId)
                                .filter(d -> d.getString("name") != null)
                                .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND,
                                                                    "机构 " + agencyId + " 不存在 (unknown agency)"));
        return describe(agencyId, doc);
    }

    /** Each closed year says when it was closed and when that was recorded (a table as of before then is not closed). */
    private static Map<String, Object> describe(String agencyId, Document doc) {
        Document closed = doc.get("closedYears", Document.class);
        Map<String, Object> years = new java.util.TreeMap<>();
        if (closed != null) {
            List<Document> history = doc.getList("history", Document.class, List.of());
            closed.forEach((year, value) -> {
                Document close = new Document((Document) value);
                history.stream().filter(entry -> Long.valueOf(entry.getLong("globalIndex")).equals(close.getLong("globalIndex")))
                       .findFirst().ifPresent(entry -> close.put("recordedAt", entry.getString("recordedAt")));
                years.put(year, close);
            });
        }
        return Map.of("agencyId", agencyId, "name", doc.getString("name"), "closedYears", years);
    }
}
