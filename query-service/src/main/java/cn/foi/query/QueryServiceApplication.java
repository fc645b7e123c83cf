package cn.foi.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class QueryServiceApplication {

    /** Its own config name, so it can share a JVM with the command service in end-to-end tests. */
    public static final String CONFIG_NAME = "spring.config.name=query-service";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(QueryServiceApplication.class).properties(CONFIG_NAME).run(args);
    }
}
