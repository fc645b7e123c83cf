package cn.foi.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class CommandServiceApplication {

    /** Its own config name, so it can share a JVM with the query service in end-to-end tests. */
    public static final String CONFIG_NAME = "spring.config.name=command-service";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        // A government system does not phone home; and these machines cannot reach the vendor anyway.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        return new SpringApplicationBuilder(CommandServiceApplication.class).properties(CONFIG_NAME).run(args);
    }
}
