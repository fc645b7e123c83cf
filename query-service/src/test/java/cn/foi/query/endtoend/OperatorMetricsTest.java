package cn.foi.query.endtoend;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator's Prometheus scrapes from both services: lag, backlog, commands by outcome, refused calls by status. */
class OperatorMetricsTest extends EndToEndTest {

    @Test
    void both_services_answer_prometheus_with_the_operator_s_figures_to_an_administrator_only() {
        var admin = services.as("admin", Services.ADMIN_PASSWORD);
        api.registerAgency("operator-metrics-office", "某县指标测试局");
        var refused = services.post(services.commandUrl + "/api/agencies/operator-metrics-office/requests", "{\"receivedOn\":\"不是日期\"}");
        assertThat(refused.status()).isEqualTo(400);

        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get(services.commandUrl + "/actuator/prometheus").body()
                                                                .contains("foi_commands_total{command=\"RegisterAgency\",outcome=\"accepted\"}"));
        String command = admin.get(services.commandUrl + "/actuator/prometheus").body();
        assertThat(command).contains("foi_processor_backlog_events{processor=\"kafka-publisher\"}",
                                     "foi_processor_backlog_events{processor=\"request-register\"}",
                                     "http_server_requests_seconds_count{");
        assertThat(command).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"400\"[^}]*uri=\"/api/agencies/\\{agencyId\\}/requests\"");

        String query = admin.get(services.queryUrl + "/actuator/prometheus").body();
        assertThat(query).contains("foi_projection_lag_events ", "foi_projection_missing_events ", "foi_projection_rebuild_running ",
                                   "foi_projection_rebuild_progress ");

        // each command counted once (Axon registers the interceptor itself; registering it again counted twice)
        double before = registered(admin);
        api.registerAgency("operator-metrics-office-2", "某县指标测试局二");
        assertThat(registered(admin) - before).isEqualTo(1.0);

        var anonymous = services.as(null, null).get(services.queryUrl + "/actuator/prometheus");
        assertThat(anonymous.status()).as("not public").isEqualTo(401);
        var created = admin.post(services.commandUrl + "/api/users", "{\"username\":\"operator-metrics-officer\",\"password\":\"metrics-password-1\","
                                                                    + "\"roles\":[\"OFFICER\"],\"agencies\":[\"operator-metrics-office\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(services.as("operator-metrics-officer", "metrics-password-1").get(services.commandUrl + "/actuator/prometheus").status())
                .as("administrators only").isEqualTo(403);
    }

    private static double registered(Services.Client admin) {
        var line = java.util.regex.Pattern.compile("foi_commands_total\\{command=\"RegisterAgency\",outcome=\"accepted\"} (\\S+)")
                                          .matcher(admin.get(services.commandUrl + "/actuator/prometheus").body());
        assertThat(line.find()).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
