package org.meterguard.server.access;

import org.meterguard.core.access.Permission;
import org.meterguard.core.access.RolePermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Deny by default. The API authenticates each request (HTTP Basic for now; tokens for systems come later) and
 * keeps no session; the health endpoint is open so that load balancers can probe it. Each endpoint takes one
 * {@link Permission}, decided by {@link AccessControl}; a refusal answers with the reason and is audited.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AccessControl access, PermissionDenied permissionDenied)
            throws Exception {
        http.authorizeHttpRequests(requests -> authorizeEndpoints(requests, access))
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(permissionDenied))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * Every endpoint names the permission it takes ({@link RolePermissions} says which roles hold it); reads of
     * covered information are decided, per customer, by {@link AccessControl#authorize} in the controller; anything
     * not listed is refused.
     */
    private static void authorizeEndpoints(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            AccessControl access) {
        requests.requestMatchers("/actuator/health", "/", "/index.html", "/error")
                .permitAll()
                .requestMatchers("/actuator/metrics/**", "/actuator/prometheus", "/actuator/info")
                .access(access.requires(Permission.READ_METRICS))
                // audit log: the security auditor reads it; nobody alters it (no other method)
                .requestMatchers(HttpMethod.GET, "/api/v1/audit/**")
                .access(access.requires(Permission.READ_AUDIT_LOG))
                .requestMatchers("/api/v1/audit/**")
                .denyAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/accounts/*/access-history")
                .access(access.requires(Permission.READ_ACCESS_HISTORY))
                // end of audit log
                .requestMatchers("/privacy", "/css/**", "/js/**", "/webjars/**")
                .permitAll()
                // Portal pages send visitors who are not signed-in customers to the sign-in page; each read on them
                // is decided and audited by AccessControl.authorizeOwn.
                .requestMatchers(HttpMethod.GET, "/portal", "/portal/**")
                .permitAll()
                .requestMatchers("/api/v1/privacy/notices/log")
                .access(access.requires(Permission.MANAGE_PRIVACY_NOTICES))
                .requestMatchers(HttpMethod.GET, "/api/v1/privacy/notices", "/api/v1/privacy/notices/*")
                .permitAll()
                .requestMatchers("/api/v1/me/usage")
                .hasRole("CUSTOMER")
                .requestMatchers(HttpMethod.POST, "/portal/authorizations", "/portal/authorizations/**")
                .hasRole("CUSTOMER")
                .requestMatchers(HttpMethod.POST, "/api/v1/privacy/notices")
                .access(access.requires(Permission.MANAGE_PRIVACY_NOTICES))
                .requestMatchers("/api/v1/detection/**")
                .access(access.requires(Permission.MANAGE_DETECTION))
                .requestMatchers(HttpMethod.GET, "/api/v1/alerts", "/api/v1/alerts/*")
                .access(access.requires(Permission.READ_ALERTS))
                .requestMatchers(HttpMethod.POST, "/api/v1/alerts/*/close")
                .access(access.requires(Permission.CLOSE_ALERTS))
                .requestMatchers(HttpMethod.GET, "/api/v1/retention/plan")
                .access(access.requires(Permission.READ_RETENTION_PLAN))
                .requestMatchers(HttpMethod.POST, "/api/v1/retention/run")
                .access(access.requires(Permission.RUN_RETENTION))
                .requestMatchers(HttpMethod.POST, "/api/v1/meters/*/edits")
                .access(access.requires(Permission.EDIT_READINGS))
                .requestMatchers(HttpMethod.POST, "/api/v1/meters/*/validate")
                .access(access.requires(Permission.RUN_VEE))
                .requestMatchers(HttpMethod.GET, "/api/v1/vee/report")
                .access(access.requires(Permission.READ_VEE_REPORT))
                .requestMatchers(HttpMethod.PUT, "/api/v1/staff/*/territories/*", "/api/v1/staff/*/queue/*")
                .access(access.requires(Permission.MANAGE_ASSIGNMENTS))
                .requestMatchers(HttpMethod.DELETE, "/api/v1/staff/*/territories/*", "/api/v1/staff/*/queue/*")
                .access(access.requires(Permission.MANAGE_ASSIGNMENTS))
                .requestMatchers(HttpMethod.PUT, "/api/v1/staff/*/training")
                .access(access.requires(Permission.MANAGE_TRAINING))
                .requestMatchers(HttpMethod.POST, "/api/v1/work-orders", "/api/v1/work-orders/*/close")
                .access(access.requires(Permission.MANAGE_WORK_ORDERS))
                .requestMatchers(HttpMethod.POST, "/api/v1/service-requests", "/api/v1/service-requests/*/close")
                .access(access.requires(Permission.MANAGE_SERVICE_REQUESTS))
                .requestMatchers(HttpMethod.POST, "/api/v1/legal-demands", "/api/v1/legal-demands/*/close")
                .access(access.requires(Permission.MANAGE_LEGAL_DEMANDS))
                .requestMatchers(HttpMethod.GET, "/api/v1/third-parties/**", "/api/v1/disclosures")
                .access(access.requires(Permission.READ_THIRD_PARTIES))
                .requestMatchers("/api/v1/third-parties/**", "/api/v1/authorizations/**")
                .access(access.requires(Permission.MANAGE_THIRD_PARTIES))
                .requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/signed-authorizations/**")
                .access(access.requires(Permission.RECORD_AUTHORIZATIONS))
                .requestMatchers(HttpMethod.GET, "/api/v1/accounts/*/authorizations")
                .access(access.requires(Permission.READ_AUTHORIZATIONS))
                .requestMatchers(HttpMethod.GET, "/api/v1/aggregates/**")
                .access(access.requires(Permission.READ_AGGREGATES))
                .requestMatchers(HttpMethod.POST, "/api/v1/aggregates/**")
                .access(access.requires(Permission.RELEASE_AGGREGATES))
                // Published tariffs, no one's data: any member of staff.
                .requestMatchers(HttpMethod.GET, "/api/v1/rate-plans")
                .authenticated()
                // Covered reads: any signed-in caller gets as far as AccessControl, which decides and audits per
                // customer concerned.
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/meters/*/readings",
                        "/api/v1/meters/*/outages",
                        "/api/v1/meters/*/voltage",
                        "/api/v1/meters/*/diagnostics",
                        "/api/v1/reliability",
                        "/api/v1/accounts/*/greenbutton",
                        "/api/v1/accounts/*/rate-comparison")
                .authenticated()
                .anyRequest()
                .denyAll();
    }

    /** Argon2id with Spring Security's current defaults (16 MiB, 2 iterations, 1 lane). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }
}
