package org.meterguard.server.access;

import org.meterguard.core.access.Permission;
import org.meterguard.core.access.RolePermissions;
import org.meterguard.server.access.internal.SignIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Deny by default; the health endpoint is open so that load balancers can probe it. Authentication (password and
 * TOTP sign-in with sessions, bearer tokens for service accounts, CSRF, sign-out) is {@link SignIn}'s. Each endpoint
 * takes one {@link Permission}, decided by {@link AccessControl}, and every rule also requires the caller's sign-in
 * factors (see {@code IdentityConfiguration}); a refusal for want of a permission answers with the reason and is
 * audited ({@link PermissionDenied}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            SignIn signIn,
            AccessControl access,
            AuthorizationManagerFactory<RequestAuthorizationContext> signedIn,
            PermissionDenied permissionDenied)
            throws Exception {
        http.authorizeHttpRequests(requests -> signIn.authorize(requests));
        http.authorizeHttpRequests(requests -> authorizeEndpoints(requests, new Door(access, signedIn)));
        signIn.applyTo(http);
        AccessDeniedHandler identityRefusals = signIn.refusals();
        http.exceptionHandling(refusals -> refusals.accessDeniedHandler((request, response, denied) -> {
            if (PermissionDenied.isPolicyRefusal(denied)) {
                permissionDenied.handle(request, response, denied);
            } else {
                identityRefusals.handle(request, response, denied);
            }
        }));
        return http.build();
    }

    /**
     * Every endpoint names the permission it takes ({@link RolePermissions} says which roles hold it); reads of
     * covered information are decided, per customer, by {@link AccessControl#authorize} in the controller; anything
     * not listed is refused.
     */
    private static void authorizeEndpoints(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            Door door) {
        requests.requestMatchers("/actuator/health", "/", "/index.html", "/error")
                .permitAll()
                .requestMatchers("/actuator/metrics/**", "/actuator/prometheus", "/actuator/info")
                .access(door.requires(Permission.READ_METRICS))
                // audit log: the security auditor reads it; nobody alters it (no other method)
                .requestMatchers(HttpMethod.GET, "/api/v1/audit/**")
                .access(door.requires(Permission.READ_AUDIT_LOG))
                .requestMatchers("/api/v1/audit/**")
                .denyAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/accounts/*/access-history")
                .access(door.requires(Permission.READ_ACCESS_HISTORY))
                // end of audit log
                .requestMatchers("/privacy", "/css/**", "/js/**", "/webjars/**")
                .permitAll()
                // The customer portal: its sign-in page is open; its other pages are for signed-in customers (a
                // browser without a full sign-in is sent to the sign-in page), and each read on them is decided and
                // audited by AccessControl.authorizeOwn.
                .requestMatchers(HttpMethod.GET, "/portal/sign-in")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/portal", "/portal/**")
                .hasRole("CUSTOMER")
                .requestMatchers("/api/v1/privacy/notices/log")
                .access(door.requires(Permission.MANAGE_PRIVACY_NOTICES))
                .requestMatchers(HttpMethod.GET, "/api/v1/privacy/notices", "/api/v1/privacy/notices/*")
                .permitAll()
                .requestMatchers("/api/v1/me/usage")
                .hasRole("CUSTOMER")
                .requestMatchers(HttpMethod.POST, "/portal/authorizations", "/portal/authorizations/**")
                .hasRole("CUSTOMER")
                .requestMatchers(HttpMethod.POST, "/api/v1/privacy/notices")
                .access(door.requires(Permission.MANAGE_PRIVACY_NOTICES))
                .requestMatchers("/api/v1/detection/**")
                .access(door.requires(Permission.MANAGE_DETECTION))
                .requestMatchers(HttpMethod.GET, "/api/v1/alerts", "/api/v1/alerts/*")
                .access(door.requires(Permission.READ_ALERTS))
                .requestMatchers(HttpMethod.POST, "/api/v1/alerts/*/close")
                .access(door.requires(Permission.CLOSE_ALERTS))
                .requestMatchers(HttpMethod.GET, "/api/v1/retention/plan")
                .access(door.requires(Permission.READ_RETENTION_PLAN))
                .requestMatchers(HttpMethod.POST, "/api/v1/retention/run")
                .access(door.requires(Permission.RUN_RETENTION))
                .requestMatchers(HttpMethod.POST, "/api/v1/meters/*/edits")
                .access(door.requires(Permission.EDIT_READINGS))
                .requestMatchers(HttpMethod.POST, "/api/v1/meters/*/validate")
                .access(door.requires(Permission.RUN_VEE))
                .requestMatchers(HttpMethod.GET, "/api/v1/vee/report")
                .access(door.requires(Permission.READ_VEE_REPORT))
                .requestMatchers(HttpMethod.PUT, "/api/v1/staff/*/territories/*", "/api/v1/staff/*/queue/*")
                .access(door.requires(Permission.MANAGE_ASSIGNMENTS))
                .requestMatchers(HttpMethod.DELETE, "/api/v1/staff/*/territories/*", "/api/v1/staff/*/queue/*")
                .access(door.requires(Permission.MANAGE_ASSIGNMENTS))
                .requestMatchers(HttpMethod.PUT, "/api/v1/staff/*/training")
                .access(door.requires(Permission.MANAGE_TRAINING))
                .requestMatchers(HttpMethod.POST, "/api/v1/work-orders", "/api/v1/work-orders/*/close")
                .access(door.requires(Permission.MANAGE_WORK_ORDERS))
                .requestMatchers(HttpMethod.POST, "/api/v1/service-requests", "/api/v1/service-requests/*/close")
                .access(door.requires(Permission.MANAGE_SERVICE_REQUESTS))
                // legal demands: the privacy officer keeps the register and releases under it; the security auditor
                // reads it (no usage data)
                .requestMatchers(HttpMethod.GET, "/api/v1/legal-demands", "/api/v1/legal-demands/*")
                .access(door.requires(Permission.READ_LEGAL_DEMANDS))
                .requestMatchers(HttpMethod.POST, "/api/v1/legal-demands", "/api/v1/legal-demands/*/*")
                .access(door.requires(Permission.MANAGE_LEGAL_DEMANDS))
                // the annual privacy report: its page and its file (counts only)
                .requestMatchers(HttpMethod.GET, "/api/v1/privacy/reports/*", "/staff/privacy-report")
                .access(door.requires(Permission.READ_PRIVACY_REPORT))
                .requestMatchers(HttpMethod.GET, "/api/v1/third-parties/**", "/api/v1/disclosures")
                .access(door.requires(Permission.READ_THIRD_PARTIES))
                .requestMatchers("/api/v1/third-parties/**", "/api/v1/authorizations/**")
                .access(door.requires(Permission.MANAGE_THIRD_PARTIES))
                .requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/signed-authorizations/**")
                .access(door.requires(Permission.RECORD_AUTHORIZATIONS))
                .requestMatchers(HttpMethod.GET, "/api/v1/accounts/*/authorizations")
                .access(door.requires(Permission.READ_AUTHORIZATIONS))
                .requestMatchers(HttpMethod.GET, "/api/v1/aggregates/**")
                .access(door.requires(Permission.READ_AGGREGATES))
                .requestMatchers(HttpMethod.POST, "/api/v1/aggregates/**")
                .access(door.requires(Permission.RELEASE_AGGREGATES))
                .requestMatchers("/api/v1/users/**", "/api/v1/service-accounts/**")
                .access(door.requires(Permission.MANAGE_USERS))
                .requestMatchers(HttpMethod.GET, "/api/v1/me/access-history")
                .hasRole("CUSTOMER")
                // Who is signed in, with which role: anyone signed in.
                .requestMatchers(HttpMethod.GET, "/api/v1/me")
                .authenticated()
                // Green Button Connect: a third party's bearer token only (its scope checked with the sign-in
                // factors), its customer authorization decided on every request by consent.Disclosures.
                .requestMatchers(HttpMethod.GET, "/espi/1_1/resource/**")
                .access(door.thirdPartyToken())
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

    /**
     * The door's rules: a permission from {@link AccessControl#requires}, always on top of the caller's sign-in
     * factors (the factory's {@code authenticated()} carries them; a rule given to {@code access(...)} would
     * otherwise skip them). The first refusal decides, so a missing factor is still answered as one.
     */
    private record Door(AccessControl access, AuthorizationManagerFactory<RequestAuthorizationContext> signedIn) {
        AuthorizationManager<RequestAuthorizationContext> requires(Permission permission) {
            return afterFactors(access.requires(permission));
        }

        /** The authority {@code ServiceTokens} gives a token issued under a customer authorization. */
        private static final String THIRD_PARTY_AUTHORITY =
                SignedInUser.ROLE_PREFIX + ThirdPartyGrants.THIRD_PARTY_ROLE;

        /** A third party's Green Button Connect token (one issued under a customer authorization), nothing else. */
        AuthorizationManager<RequestAuthorizationContext> thirdPartyToken() {
            return afterFactors((authentication, context) -> new PermissionDenied.Reasoned(
                    authentication.get().getAuthorities().stream()
                            .anyMatch(a -> THIRD_PARTY_AUTHORITY.equals(a.getAuthority())),
                    "the ESPI resources answer a third party's Green Button Connect token only"));
        }

        private AuthorizationManager<RequestAuthorizationContext> afterFactors(
                AuthorizationManager<RequestAuthorizationContext> rule) {
            AuthorizationManager<RequestAuthorizationContext> factors = signedIn.authenticated();
            return (authentication, context) -> {
                AuthorizationResult first = factors.authorize(authentication, context);
                return first == null || first.isGranted() ? rule.authorize(authentication, context) : first;
            };
        }
    }

    /** Argon2id with Spring Security's current defaults (16 MiB, 2 iterations, 1 lane). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }
}
