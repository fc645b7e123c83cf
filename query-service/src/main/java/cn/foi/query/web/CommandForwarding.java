package cn.foi.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;

/**
 * The web application's one origin on the embedded default: the query service serves the pages and passes
 * {@code /command/**} on to the command service as it came (cookies, CSRF header, body), exactly as nginx
 * does in the production topology (docker/nginx.conf). The command service authenticates and checks the
 * call itself; nothing is decided here.
 */
@RestController
class CommandForwarding {

    // hop-by-hop headers (RFC 9110 §7.6.1) and those the JDK client sets itself
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI commandService;

    CommandForwarding(@Value("${foi.command-service.url:http://localhost:8081}") String commandServiceUrl) {
        this.commandService = URI.create(commandServiceUrl.endsWith("/") ? commandServiceUrl : commandServiceUrl + "/");
    }

    @RequestMapping("/command/**")
    void forward(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pass(request, response, request.getRequestURI().substring(request.getContextPath().length() + "/command/".length()));
    }

    /**
     * The annual report's two writes are also taken at their own paths here, for a client that addresses the report's
     * API (annual-report.md) on this service: passed on as they came, like everything under {@code /command/}.
     */
    @RequestMapping(method = {org.springframework.web.bind.annotation.RequestMethod.POST},
                    path = "/api/agencies/{agencyId}/annual-reports/{year}/publication")
    void publication(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pass(request, response, request.getRequestURI().substring(request.getContextPath().length() + 1));
    }

    @RequestMapping(method = {org.springframework.web.bind.annotation.RequestMethod.PUT},
                    path = "/api/agencies/{agencyId}/years/{year}/report-text")
    void reportText(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pass(request, response, request.getRequestURI().substring(request.getContextPath().length() + 1));
    }

    private void pass(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String query = request.getQueryString();
        URI target = commandService.resolve(path + (query == null ? "" : "?" + query));
        byte[] body = request.getInputStream().readAllBytes();
        HttpRequest.Builder outgoing = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method(request.getMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                                              : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    outgoing.header(name, value);
                }
            }
        }
        outgoing.header("X-Forwarded-Host", String.valueOf(request.getHeader("Host")));
        outgoing.header("X-Forwarded-Proto", request.getScheme());
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(outgoing.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            unavailable(response);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(response);
            return;
        }
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        response.getOutputStream().write(answer.body());
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"办理服务不可用\",\"titleHint\":\"command service unavailable\","
                + "\"status\":502,\"detail\":\"暂时无法连接办理服务，本次操作未执行，请稍后重试\","
                + "\"hint\":\"the command service did not answer; nothing was done\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
