package cn.foi.command.report;

import cn.foi.command.problem.Unavailable;
import cn.foi.events.report.AnnualReportPublished.FrozenReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The document to publish, as the query service drafts it from the events: tables and generated paragraphs exist
 * only there. The caller's own credentials go with the call (the query service checks them as for any reader), and
 * the draft is asked for as of the event store's head, so it holds every event recorded before the publication.
 */
@Component
class ReportDrafts {

    private static final List<String> CREDENTIALS = List.of("Authorization", "Cookie");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI queryService;
    private final ObjectMapper json;

    ReportDrafts(@Value("${foi.query-service.url:http://localhost:8082}") String queryServiceUrl, ObjectMapper json) {
        this.queryService = URI.create(queryServiceUrl.endsWith("/") ? queryServiceUrl : queryServiceUrl + "/");
        this.json = json;
    }

    /** The draft of {@code textVersion} holding every event up to {@code position} of the store (-1: none). */
    FrozenReport draft(String agencyId, int year, int textVersion, long position, HttpServletRequest caller) {
        URI uri = queryService.resolve("api/agencies/" + agencyId + "/annual-reports/" + year + "/draft?textVersion=" + textVersion
                                       + "&position=" + position);
        HttpRequest.Builder request = asCaller(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(40)).GET()
                                                          .header("Accept", "application/json"), caller);
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unavailable("查询服务不可用，无法生成报告文档，未发布 (query service unavailable: " + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("发布被中断，未发布 (interrupted)");
        }
        int status = answer.statusCode();
        String detail = detail(answer.body());
        // the query side's refusal is the caller's: the same status and words (a grant, an agency, a closed year)
        switch (status) {
            case 400 -> throw new cn.foi.command.problem.InvalidInput(detail);
            case 403 -> throw new cn.foi.access.Forbidden(detail);
            case 404 -> throw new cn.foi.command.problem.NotFound(detail);
            case 409 -> throw new cn.foi.command.problem.StateConflict(detail);
            case 422 -> throw new cn.foi.command.problem.RuleViolation(detail);
            default -> {
            }
        }
        if (status != 200) {
            throw new Unavailable("查询服务未能生成报告文档（HTTP " + status + "），未发布：" + detail
                                  + " (query service could not draft the report)");
        }
        try {
            return json.readValue(answer.body(), FrozenReport.class);
        } catch (IOException e) {
            throw new Unavailable("查询服务返回的报告文档无法读取，未发布 (unreadable draft)");
        }
    }

    /**
     * Waits (at most 10 s) until the query service can read publication {@code n}, so a client reading it right after
     * the 201 finds it. The publication is recorded either way; a slow query side only delays its reading.
     */
    boolean awaitReadable(String agencyId, int year, int publication, HttpServletRequest caller) {
        URI uri = queryService.resolve("api/agencies/" + agencyId + "/annual-reports/" + year + "/publications/" + publication);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            HttpRequest.Builder request = asCaller(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET(), caller);
            try {
                if (client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
        }
        return false;
    }

    /** The call made with the caller's own credentials: the query service checks them as for any reader. */
    private static HttpRequest.Builder asCaller(HttpRequest.Builder request, HttpServletRequest caller) {
        for (String header : CREDENTIALS) {
            String value = caller.getHeader(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        return request;
    }

    private String detail(byte[] body) {
        try {
            var node = json.readTree(body);
            return node.path("detail").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
