package cn.foi.command.agency;

import cn.foi.command.agency.AgencyCommands.CloseReportingYear;
import cn.foi.command.agency.AgencyCommands.RegisterAgency;
import cn.foi.command.problem.NotFound;
import cn.foi.command.problem.StateConflict;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

@RestController
class AgencyController {

    private final CommandGateway commands;

    AgencyController(CommandGateway commands) {
        this.commands = commands;
    }

    record RegisterAgencyBody(String agencyId, String name, String parentId) {
    }

    @PostMapping("/api/agencies")
    ResponseEntity<Map<String, String>> register(@RequestBody RegisterAgencyBody body) {
        try {
            commands.sendAndWait(new RegisterAgency(body.agencyId(), body.name(), body.parentId()));
        } catch (ConcurrencyException e) {
            throw new StateConflict("机构 " + body.agencyId() + " 已存在 (agency already registered)");
        }
        return ResponseEntity.created(URI.create("/api/agencies/" + body.agencyId()))
                             .body(Map.of("agencyId", body.agencyId()));
    }

    /** Table 二 figures for a year; every call records a new version (the history is kept). */
    @PutMapping("/api/agencies/{agencyId}/years/{year}/proactive-disclosure")
    Map<String, Object> proactive(@PathVariable String agencyId, @PathVariable int year,
                                  @RequestBody Map<String, Map<String, java.math.BigDecimal>> figures) {
        try {
            commands.sendAndWait(new AgencyCommands.RecordProactiveDisclosure(agencyId, year, figures));
        } catch (AggregateNotFoundException e) {
            throw new NotFound("机构 " + agencyId + " 不存在 (unknown agency)");
        }
        return Map.of("agencyId", agencyId, "year", year);
    }

    /**
     * Figures of the statistics form of a reporting year up to 2018 that events do not give (item codes as keys);
     * every call records a new version.
     */
    @PutMapping("/api/agencies/{agencyId}/years/{year}/legacy-figures")
    Map<String, Object> legacyFigures(@PathVariable String agencyId, @PathVariable int year,
                                      @RequestBody Map<String, java.math.BigDecimal> figures) {
        try {
            commands.sendAndWait(new AgencyCommands.RecordLegacyFigures(agencyId, year, figures));
        } catch (AggregateNotFoundException e) {
            throw new NotFound("机构 " + agencyId + " 不存在 (unknown agency)");
        }
        return Map.of("agencyId", agencyId, "year", year);
    }

    /**
     * Moves an agency under another ({@code parentId}) or to the top of a tree ({@code "parentId": null}); ADMIN. The
     * field must be there and alone: a misspelt one would otherwise move the agency and all under it to the top.
     */
    @PutMapping("/api/agencies/{agencyId}/parent")
    Map<String, Object> place(@PathVariable String agencyId, @RequestBody Map<String, Object> body) {
        if (body == null || !body.containsKey("parentId") || body.size() != 1) {
            throw new cn.foi.command.problem.InvalidInput("请求体须为 {\"parentId\": \"上级机构编号\"}，移到最上级时为 {\"parentId\": null} (the body must be exactly {\"parentId\": …})");
        }
        Object parent = body.get("parentId");
        if (parent != null && !(parent instanceof String)) {
            throw new cn.foi.command.problem.InvalidInput("parentId 须为机构编号或 null (parentId must be an agency id or null)");
        }
        String parentId = (String) parent;
        try {
            commands.sendAndWait(new AgencyCommands.PlaceAgency(agencyId, parentId));
        } catch (AggregateNotFoundException e) {
            throw new NotFound("机构 " + agencyId + " 不存在 (unknown agency)");
        }
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("agencyId", agencyId);
        answer.put("parentId", parentId);
        return answer;
    }

    /** How the agency writes its case numbers from now on: {@code {year}} and one {@code {seq}} ({@code {seq:3}} → 007). */
    @PutMapping("/api/agencies/{agencyId}/case-number-pattern")
    Map<String, Object> caseNumberPattern(@PathVariable String agencyId, @RequestBody Map<String, String> body) {
        String pattern = body == null ? null : body.get("pattern");
        try {
            commands.sendAndWait(new AgencyCommands.SetCaseNumberPattern(agencyId, pattern));
        } catch (AggregateNotFoundException e) {
            throw new NotFound("机构 " + agencyId + " 不存在 (unknown agency)");
        }
        var written = new cn.foi.events.casenumber.CaseNumberPattern(pattern.strip());
        return Map.of("agencyId", agencyId, "pattern", written.text(),
                      "example", written.format(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear(), 7));
    }

    /** A new version of a letter's template ({@code {"title", "body"}}); the same text again stores nothing. */
    @PutMapping("/api/agencies/{agencyId}/letter-templates/{kind}")
    Map<String, Object> letterTemplate(@PathVariable String agencyId, @PathVariable String kind, @RequestBody Map<String, String> body) {
        String title = body == null ? null : body.get("title");
        String text = body == null ? null : body.get("body");
        AgencyCommands.SavedLetterTemplate saved;
        try {
            saved = commands.sendAndWait(new AgencyCommands.SetLetterTemplate(agencyId, kind, title, text));
        } catch (AggregateNotFoundException e) {
            throw new NotFound("机构 " + agencyId + " 不存在 (unknown agency)");
        }
        return Map.of("agencyId", agencyId, "kind", kind, "version", saved.version(), "title", saved.title(), "body", saved.body());
    }

    @PostMapping("/api/agencies/{agencyId}/years/{year}/close")
    Map<String, Object> close(@PathVariable String agencyId, @PathVariable int year) {
        Integer carriedForward;
        try {
            carriedForward = commands.sendAndWait(new CloseReportingYear(agencyId, year));
        } catch (AggregateNotFoundException e) {
            throw new NotFound("机构 " + agencyId + " 不存在 (unknown agency)");
        }
        return Map.of("agencyId", agencyId, "year", year, "carriedForward", carriedForward);
    }
}
