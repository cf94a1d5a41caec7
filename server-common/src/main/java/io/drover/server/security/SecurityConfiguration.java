package io.drover.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import io.drover.server.ServerLimits;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The filter chains of each app (DESIGN.md §7), built from {@link AccessPolicy}: a lean one for the
 * master↔worker protocol, one for everything else:
 * <ul>
 *   <li>{@code Authorization: Bearer} authenticates one request, statelessly: API clients, tools, drivers,
 *       and the master and workers calling each other with the cluster secret;</li>
 *   <li>the dashboard's login form takes a token and keeps the caller in an HTTP session; state-changing
 *       requests that rely on that session need a CSRF token, bearer requests do not;</li>
 *   <li>refusals are problem+json (401 without or with a bad credential, 403 for a role too low or a
 *       missing CSRF token), except that a browser opening a page is sent to the login page.</li>
 * </ul>
 * Each app supplies the {@link ClusterSecret} bean (the master may generate one; a worker must be told).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(AuthProperties.class)
@Import({LoginController.class, SecurityModelAttributes.class})
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * No Spring Security observations at all. Switching them off by name (Boot's
     * {@code management.observations.enable.spring.security=false}) still wrapped every filter of every request
     * in an observing decorator; with 10,000 workers heartbeating that wrapping was a measurable share of a
     * heartbeat's CPU (issue 13). Requests are still timed, once, as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "TRACE", "OPTIONS");

    @Bean
    TokenAuthenticator tokenAuthenticator(AuthProperties auth, ObjectProvider<ClusterSecret> secret,
            ObjectProvider<DriverTokenCheck> driverCheck) {
        return new TokenAuthenticator(secret.getIfAvailable(), auth.tokens(),
                driverCheck.getIfAvailable(() -> driverId -> true));
    }

    /** Also keeps Spring Boot from creating its default user with a generated password. */
    @Bean
    AuthenticationManager droverAuthenticationManager(TokenAuthenticator authenticator) {
        return new ProviderManager(new TokenLoginProvider(authenticator));
    }

    /**
     * Session cookies (and any other) with {@code SameSite=Lax}: a link from elsewhere still opens the
     * dashboard logged in, but no other site's form or script gets the cookie sent along (issue 10).
     */
    @Bean
    CookieSameSiteSupplier sameSiteCookies() {
        return CookieSameSiteSupplier.ofLax();
    }

    @Bean
    AuthThrottle authThrottle(AuthProperties auth) {
        return new AuthThrottle(auth.throttle(), Clock.systemUTC());
    }

    /** The one writer of security refusals; as a bean it is also the firewall's RequestRejectedHandler. */
    @Bean
    ProblemSecurityResponses problemSecurityResponses() {
        return new ProblemSecurityResponses();
    }

    /**
     * The master↔worker protocol ({@code /internal/**}) gets a chain of its own with only what a machine's
     * bearer call needs: throttle, bearer token, the access rule, problem+json refusals. No session, CSRF,
     * saved request, logout or browser headers: none applies to a call carrying the cluster secret, and with
     * 10,000 workers each filter is paid thousands of times a second (issue 13).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain protocolSecurity(HttpSecurity http, AuthProperties auth, TokenAuthenticator authenticator,
            AuthenticationManager manager, ProblemSecurityResponses problems, AuthThrottle throttle,
            ObjectProvider<KnownHosts> knownHosts, ServerLimits limits) throws Exception {
        http.securityMatcher(AccessPolicy.INTERNAL_ROUTES)
                .addFilterBefore(new BearerTokenFilter(authenticator, problems, auth.enabled(), throttle),
                        AuthorizationFilter.class)
                .addFilterBefore(new ThrottleFilter(throttle), BearerTokenFilter.class)
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .servletApi(api -> api.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return common(http, auth, manager, problems, knownHosts, limits);
    }

    @Bean
    SecurityFilterChain droverSecurity(HttpSecurity http, AuthProperties auth, TokenAuthenticator authenticator,
            AuthenticationManager manager, ProblemSecurityResponses problems, AuthThrottle throttle,
            ObjectProvider<KnownHosts> knownHosts, ServerLimits limits) throws Exception {
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        // Only a page a person opened is worth returning to after login; remembering API calls would
        // create a session for every unauthenticated request.
        pagesOnly.setRequestMatcher(ProblemSecurityResponses::isBrowserPage);
        http.addFilterBefore(new BearerTokenFilter(authenticator, problems, auth.enabled(), throttle),
                        CsrfFilter.class)
                .addFilterBefore(new ThrottleFilter(throttle), BearerTokenFilter.class)
                .addFilterBefore(new AnonymousFormReads(limits.anonymousFormReaders()), ThrottleFilter.class)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> needsCsrf(request, auth.enabled())))
                .formLogin(login -> login.loginPage("/login").usernameParameter("token").passwordParameter("token")
                        .successHandler(new LoginAudit(throttle)).failureHandler(new LoginAudit(throttle)).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .requestCache(cache -> cache.requestCache(pagesOnly));
        BrowserHeaders.apply(http);
        return common(http, auth, manager, problems, knownHosts, limits);
    }

    /** What both chains do alike; each has added its {@link BearerTokenFilter} and {@link ThrottleFilter}. */
    private static SecurityFilterChain common(HttpSecurity http, AuthProperties auth, AuthenticationManager manager,
            ProblemSecurityResponses problems, ObjectProvider<KnownHosts> knownHosts, ServerLimits limits)
            throws Exception {
        http.authenticationManager(manager)
                .authorizeHttpRequests(requests -> requests.anyRequest().access(new PolicyAuthorization()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (!auth.enabled()) {
            KnownHosts hosts = knownHosts.getIfAvailable(() -> new KnownHosts(List.of())).with(limits.allowedHosts());
            http.addFilterBefore(new SameOriginGuard(hosts), BearerTokenFilter.class);
            http.anonymous(anonymous -> anonymous.principal(DroverPrincipal.UNAUTHENTICATED)
                    .authorities(DroverPrincipal.UNAUTHENTICATED.authorities()));
        }
        return http.build();
    }

    /**
     * A state-changing request that could ride on the dashboard's session cookie needs the form's CSRF token:
     * one that comes with a session cookie, and the login form itself. A bearer token cannot be sent by
     * another site's page, so such requests need none, and a request with no credential at all is left to
     * be answered 401. With authentication off there is no session to ride on, but the dashboard's forms
     * still need the token (a page on another site must not kill work on a local cluster); the API takes
     * none, as there is nothing to forge: JSON bodies cannot come from another site's form.
     */
    static boolean needsCsrf(HttpServletRequest request, boolean authEnabled) {
        if (SAFE_METHODS.contains(request.getMethod()) || BearerTokenFilter.carriesBearer(request)) {
            return false;
        }
        String path = PolicyAuthorization.path(request);
        if (!authEnabled) {
            return !AccessPolicy.isMachinePath(path);
        }
        return request.getRequestedSessionId() != null || path.equals("/login") || path.equals("/logout");
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenDisabled(ApplicationReadyEvent ready) {
        AuthProperties auth = ready.getApplicationContext().getBean(AuthProperties.class);
        if (!auth.enabled()) {
            log.warn("AUTHENTICATION IS DISABLED (drover.auth.enabled=false): anyone who can reach this server "
                    + "can run any command on the cluster's machines. Use this only on a trusted network.");
        }
    }
}
