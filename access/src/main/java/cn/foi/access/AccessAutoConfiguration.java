package cn.foi.access;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The same access rules in both services. Roles decide which calls (below); {@link AgencyAccessInterceptor}
 * decides for which agencies. The API is stateless HTTP Basic, so no session and no CSRF token; the web
 * application (its own chain, later) uses a form login with CSRF protection.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration")
@EnableWebSecurity
@Import(AccessProblems.class)
public class AccessAutoConfiguration {

    @Bean
    UserStore userStore(MongoClient mongoClient, @Value("${foi.access.database:foi_access}") String database) {
        return new UserStore(mongoClient.getDatabase(database));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    StoredUserAuthentication storedUserAuthentication(UserStore users, PasswordEncoder passwords) {
        return new StoredUserAuthentication(users, passwords);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, StoredUserAuthentication authentication) throws Exception {
        String[] actors = {"OFFICER", "SUPERVISOR"};
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationProvider(authentication)
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemWriter.unauthenticated()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemWriter.unauthenticated())
                                         .accessDeniedHandler(ProblemWriter.denied()))
                .authorizeHttpRequests(calls -> calls
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/api/users", "/api/users/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/agencies").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/calendar/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/admin/**").hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/requests/*/extension").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/agencies/*/years/*/close").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        // comparisons posted to the query side change nothing (see @ReadsOnly)
                        .requestMatchers(HttpMethod.POST, "/api/agencies/*/annual-tables/*/published-check").authenticated()
                        .requestMatchers("/api/**").hasAnyRole(actors)
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    WebMvcConfigurer agencyAccess(ObjectProvider<AgencyOwnership> ownership) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                AgencyOwnership known = ownership.getIfAvailable();
                if (known != null) {
                    registry.addInterceptor(new AgencyAccessInterceptor(known)).addPathPatterns("/api/**");
                }
            }
        };
    }
}
