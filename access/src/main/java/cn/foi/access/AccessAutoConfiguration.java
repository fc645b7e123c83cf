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
import cn.foi.access.web.MongoSessionRepository;
import cn.foi.access.web.SessionUsers;
import cn.foi.access.web.SignedInController;
import cn.foi.access.web.WebSignIn;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The same access rules in both services. Roles decide which calls (below); {@link AgencyAccessInterceptor}
 * decides for which agencies. API clients use HTTP Basic (no session, no CSRF token); the web application
 * signs in by a form, with a session kept in MongoDB so both services know it, and CSRF protection.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration")
@EnableWebSecurity
@org.springframework.session.config.annotation.web.http.EnableSpringHttpSession
@Import({AccessProblems.class, FrameworkProblems.class, SignedInController.class})
public class AccessAutoConfiguration {

    @Bean
    MongoSessionRepository sessionRepository(MongoClient mongoClient, @Value("${foi.access.database:foi_access}") String database,
                                             @Value("${foi.access.session-idle-timeout:PT30M}") java.time.Duration idleTimeout) {
        return new MongoSessionRepository(mongoClient.getDatabase(database), idleTimeout);
    }

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

    /**
     * The pages' scripts, styles and data come from this origin only, never inline (a script injected into a page
     * cannot run), and no other site may frame them. An answer that sets its own policy keeps it (a downloaded report).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, StoredUserAuthentication authentication) throws Exception {
        String[] actors = {"OFFICER", "SUPERVISOR"};
        return http
                // API clients: HTTP Basic, no session, no token. Browsers: a form login, a session both services
                // share, and a CSRF token wherever the session cookie would be sent by the browser itself.
                .csrf(csrf -> csrf.csrfTokenRepository(WebSignIn.csrfCookie())
                                  .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                                  .requireCsrfProtectionMatcher(WebSignIn.needsCsrfToken()))
                .addFilterAfter(new WebSignIn.CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .securityContext(c -> c.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new SessionUsers(authentication))))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentTypeOptions(org.springframework.security.config.Customizer.withDefaults()))
                // this provider only: a global manager as parent would judge each wrong password twice (and count it twice)
                .authenticationManager(new org.springframework.security.authentication.ProviderManager(authentication))
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemWriter.unauthenticated()))
                .formLogin(form -> form.loginPage(WebSignIn.LOGIN_PAGE).loginProcessingUrl("/login")
                                       .successHandler((request, response, auth) -> response.sendRedirect("/"))
                                       .failureHandler((request, response, e) -> response.sendRedirect(WebSignIn.LOGIN_PAGE
                                               + (e instanceof org.springframework.security.authentication.LockedException ? "?locked"
                                                  : e instanceof org.springframework.security.authentication.DisabledException ? "?disabled" : "?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(WebSignIn.LOGIN_PAGE + "?logout")
                                        .deleteCookies(WebSignIn.SESSION_COOKIE))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemWriter.unauthenticated())
                                         .accessDeniedHandler(ProblemWriter.denied()))
                .authorizeHttpRequests(calls -> calls
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        // what an operator's Prometheus scrapes (with an administrator's credentials)
                        .requestMatchers("/actuator/prometheus").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, WebSignIn.PUBLIC_FILES).permitAll()
                        .requestMatchers("/login", "/logout").permitAll()
                        // the API's description is public, like the contract it describes
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // forwarded as they came to the command service, which checks them itself
                        .requestMatchers("/command/**").permitAll()
                        // every user changes their own password; everything else about users is the administrator's
                        .requestMatchers(HttpMethod.PUT, "/api/account/password").authenticated()
                        .requestMatchers("/api/users", "/api/users/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/agencies").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/agencies/*/parent").hasRole("ADMIN")
                        // a government's roll-up: its supervisors and auditors, and administrators; not officers
                        .requestMatchers(HttpMethod.GET, "/api/agencies/*/roll-up/**").hasAnyRole("ADMIN", "AUDITOR", "SUPERVISOR")
                        .requestMatchers(HttpMethod.PUT, "/api/calendar/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/admin/**").hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/requests/*/extension").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.PUT, "/api/requests/*/assignee").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/requests/*/decision-correction").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/requests/*/receipt-correction").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/agencies/*/years/*/close").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.PUT, "/api/agencies/*/case-number-pattern").hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/agencies/*/letter-templates/*").hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/agencies/*/annual-reports/*/publication").hasRole("SUPERVISOR")
                        // the draft a publication freezes: asked for by the command service with a publisher's credentials
                        .requestMatchers(HttpMethod.GET, "/api/agencies/*/annual-reports/*/draft").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        // comparisons posted to the query side change nothing (see @ReadsOnly)
                        .requestMatchers(HttpMethod.POST, "/api/agencies/*/annual-tables/*/published-check").authenticated()
                        // a draft letter filled with a made-up request (or, for the agency's own staff, one of its requests)
                        .requestMatchers(HttpMethod.POST, "/api/agencies/*/letter-templates/*/preview").hasAnyRole("OFFICER", "SUPERVISOR", "ADMIN", "AUDITOR")
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
