package cn.foi.command.report;

import cn.foi.command.agency.AgencyCommands.PreparePublication;
import cn.foi.command.agency.AgencyCommands.Published;
import cn.foi.command.agency.AgencyCommands.PublishAnnualReport;
import cn.foi.command.agency.AgencyCommands.RecordReportTexts;
import cn.foi.command.problem.NotFound;
import cn.foi.events.report.AnnualReportPublished.FrozenReport;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The agency's texts of its annual report, and publishing the whole document (annual-report.md). */
@RestController
class ReportController {

    private final CommandGateway commands;
    private final ReportDrafts drafts;
    private final EventStore eventStore;

    ReportController(CommandGateway commands, ReportDrafts drafts, EventStore eventStore) {
        this.commands = commands;
        this.drafts = drafts;
        this.eventStore = eventStore;
    }

    record ReportTextBody(Map<String, String> sections) {
    }

    /** Records a new version of the agency's texts: any subset of the parts it writes. */
    @PutMapping("/api/agencies/{agencyId}/years/{year}/report-text")
    Map<String, Object> texts(@PathVariable String agencyId, @PathVariable int year, @RequestBody ReportTextBody body) {
        try {
            commands.sendAndWait(new RecordReportTexts(agencyId, year, body == null ? null : body.sections()));
        } catch (AggregateNotFoundException e) {
            throw unknown(agencyId);
        }
        return Map.of("agencyId", agencyId, "year", year, "sections", body.sections().keySet());
    }

    record PublicationBody(String reason) {
    }

    /**
     * Freezes the report as it stands: checked first (closed year, a reason for a second publication), then drafted by
     * the query service as of this moment, then recorded with its digest, unless the texts changed in between.
     */
    @PostMapping("/api/agencies/{agencyId}/annual-reports/{year}/publication")
    ResponseEntity<Map<String, Object>> publish(@PathVariable String agencyId, @PathVariable int year,
                                                @RequestBody(required = false) PublicationBody body, HttpServletRequest caller) {
        String reason = body == null ? null : body.reason();
        int textVersion;
        try {
            textVersion = commands.sendAndWait(new PreparePublication(agencyId, year, reason));
        } catch (AggregateNotFoundException e) {
            throw unknown(agencyId);
        }
        var head = eventStore.createHeadToken();
        long position = head instanceof GlobalSequenceTrackingToken global ? global.getGlobalIndex() : -1;
        FrozenReport report = drafts.draft(agencyId, year, textVersion, position, caller);
        Published published = commands.sendAndWait(new PublishAnnualReport(agencyId, year, reason, textVersion, report));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agencyId", agencyId);
        answer.put("year", year);
        answer.put("publication", published.publication());
        answer.put("digest", published.digest());
        answer.put("publishedAt", published.publishedAt());
        answer.put("textVersion", textVersion);
        answer.put("readable", drafts.awaitReadable(agencyId, year, published.publication(), caller));
        return ResponseEntity.created(URI.create("/api/agencies/" + agencyId + "/annual-reports/" + year + "/publications/"
                                                 + published.publication()))
                             .body(answer);
    }

    private static NotFound unknown(String agencyId) {
        return new NotFound("机构 " + agencyId + " 不存在 (unknown agency)");
    }
}
