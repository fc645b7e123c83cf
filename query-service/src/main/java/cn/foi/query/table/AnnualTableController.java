package cn.foi.query.table;

import cn.foi.query.problem.QueryProblem;
import cn.foi.query.projection.EventConsumer;
import cn.foi.query.projection.Ledger;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

@RestController
class AnnualTableController {

    private final Ledger ledger;
    private final EventConsumer consumer;

    AnnualTableController(Ledger ledger, EventConsumer consumer) {
        this.ledger = ledger;
        this.consumer = consumer;
    }

    /**
     * Tables of one agency and year, as JSON or ({@code format=text}) in the printed tab-separated
     * layout; {@code zero=dash} prints zero as "-" like some published reports.
     */
    @GetMapping("/api/agencies/{agencyId}/annual-tables/{year}")
    ResponseEntity<?> table(@PathVariable String agencyId, @PathVariable int year,
                            @RequestParam(defaultValue = "json") String format,
                            @RequestParam(defaultValue = "0") String zero) {
        if (year < 2008 || year > 2100) {
            throw new QueryProblem(HttpStatus.BAD_REQUEST, "年度 " + year + " 无效 (year out of range 2008–2100)");
        }
        if (consumer.rebuildStatus().running()) {
            throw new QueryProblem(HttpStatus.SERVICE_UNAVAILABLE, "正在从事件日志重建统计表，请稍后再试 (rebuild in progress)");
        }
        ZeroStyle zeroStyle = zeroStyle(zero);
        AnnualTable table = ledger.tableOf(agencyId, year)
                                  .orElseThrow(() -> new QueryProblem(HttpStatus.NOT_FOUND,
                                                                      "机构 " + agencyId + " 不存在 (unknown agency)"));
        return switch (format) {
            case "json" -> ResponseEntity.ok(table);
            case "text" -> ResponseEntity.ok()
                                         .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                                         .body(AnnualTableText.render(table, zeroStyle));
            default -> throw new QueryProblem(HttpStatus.BAD_REQUEST,
                                              "format 只能是 json 或 text (format must be json or text)");
        };
    }

    private static ZeroStyle zeroStyle(String zero) {
        return switch (zero) {
            case "0", "zero" -> ZeroStyle.ZERO;
            case "-", "dash" -> ZeroStyle.DASH;
            default -> throw new QueryProblem(HttpStatus.BAD_REQUEST, "zero 只能是 0 或 dash (zero must be 0 or dash)");
        };
    }
}
