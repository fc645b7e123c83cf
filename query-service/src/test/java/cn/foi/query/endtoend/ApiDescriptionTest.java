package cn.foi.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API describes itself: each service publishes its OpenAPI document at /v3/api-docs and a browsable page, and
 * every endpoint of the contract (http-api.md, copied into the test resources) is in one of the two documents.
 * The sections marked "(v1 extension)" are built by later issues and are checked once they exist.
 */
class ApiDescriptionTest extends EndToEndTest {

    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/api/[^`\\s?]*)");

    @Test
    void every_endpoint_of_the_contract_is_described_by_the_service_that_answers_it() throws IOException {
        Set<String> described = new LinkedHashSet<>();
        for (String service : List.of(services.commandUrl, services.queryUrl)) {
            var answer = services.as(null, null).get(service + "/v3/api-docs");
            assertThat(answer.status()).as(service + " /v3/api-docs").isEqualTo(200);
            JsonNode paths = answer.json().get("paths");
            paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(
                    method -> described.add(method.toUpperCase(Locale.ROOT) + " " + normalized(path))));
        }

        List<String> contract = contractEndpoints();
        assertThat(contract).as("endpoints read from http-api.md").hasSizeGreaterThan(15);
        assertThat(described).containsAll(contract);
    }

    @Test
    void each_service_serves_a_page_to_browse_its_api_without_the_internet() {
        for (String service : List.of(services.commandUrl, services.queryUrl)) {
            var page = services.as(null, null).get(service + "/swagger-ui/index.html");
            assertThat(page.status()).as(service).isEqualTo(200);
            assertThat(page.body()).contains("swagger-ui").doesNotContain("cdn.", "unpkg.com");
        }
    }

    /** "METHOD /path" of every endpoint the contract names outside its v1-extension sections, parameters as {}. */
    private static List<String> contractEndpoints() throws IOException {
        String spec;
        try (InputStream in = ApiDescriptionTest.class.getResourceAsStream("/spec/http-api.md")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> endpoints = new ArrayList<>();
        boolean extension = false;
        for (String line : spec.split("\n")) {
            if (line.startsWith("## ")) {
                extension = line.contains("(v1 extension)");
            }
            Matcher m = ENDPOINT.matcher(line);
            while (!extension && m.find()) {
                String endpoint = m.group(1) + " " + normalized(m.group(2));
                if (!endpoints.contains(endpoint)) {
                    endpoints.add(endpoint);
                }
            }
        }
        return endpoints;
    }

    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
