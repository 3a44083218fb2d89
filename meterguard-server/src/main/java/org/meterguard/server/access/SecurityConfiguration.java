package org.meterguard.server.access;

import org.meterguard.server.access.internal.SignIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Deny by default; the health endpoint is open so that load balancers can probe it. Authentication (password and
 * TOTP sign-in with sessions, bearer tokens for service accounts, CSRF, sign-out) is {@link SignIn}'s; every rule
 * below also requires the caller's sign-in factors (see {@code IdentityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SignIn signIn) throws Exception {
        http.authorizeHttpRequests(requests -> signIn.authorize(requests));
        http.authorizeHttpRequests(
                requests -> requests.requestMatchers("/actuator/health", "/", "/index.html", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/metrics/**", "/actuator/prometheus", "/actuator/info")
                        .hasAnyRole("ADMINISTRATOR", "SECURITY_AUDITOR")
                        // audit log: the security auditor reads it; nobody alters it (no other method)
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/**")
                        .hasRole("SECURITY_AUDITOR")
                        .requestMatchers("/api/v1/audit/**")
                        .denyAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/accounts/*/access-history")
                        .hasRole("PRIVACY_OFFICER")
                        // end of audit log
                        .requestMatchers(HttpMethod.GET, "/api/v1/alerts")
                        .hasAnyRole("GRID_OPERATOR", "FIELD_TECHNICIAN", "SECURITY_AUDITOR")
                        .requestMatchers("/api/v1/alerts/**")
                        .hasAnyRole("GRID_OPERATOR", "SECURITY_AUDITOR")
                        .requestMatchers("/privacy", "/css/**", "/js/**", "/webjars/**")
                        .permitAll()
                        // The customer portal: its sign-in page is open; its other pages are for signed-in
                        // customers (a browser without a full sign-in is sent to the sign-in page), and each read
                        // on them is decided and audited by AccessControl.authorizeOwn.
                        .requestMatchers(HttpMethod.GET, "/portal/sign-in")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/portal", "/portal/**")
                        .hasRole("CUSTOMER")
                        .requestMatchers("/api/v1/me/usage")
                        .hasRole("CUSTOMER")
                        .requestMatchers(HttpMethod.POST, "/portal/authorizations", "/portal/authorizations/**")
                        .hasRole("CUSTOMER")
                        .requestMatchers("/api/v1/privacy/notices/log")
                        .hasRole("PRIVACY_OFFICER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/privacy/notices", "/api/v1/privacy/notices/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/privacy/notices")
                        .hasRole("PRIVACY_OFFICER")
                        .requestMatchers("/api/v1/detection/**")
                        .hasAnyRole("PRIVACY_OFFICER", "SECURITY_AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/retention/plan")
                        .hasAnyRole("PRIVACY_OFFICER", "SECURITY_AUDITOR", "ADMINISTRATOR")
                        .requestMatchers("/api/v1/retention/**")
                        .hasRole("PRIVACY_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/meters/*/edits")
                        .hasRole("BILLING_ANALYST")
                        .requestMatchers(HttpMethod.POST, "/api/v1/meters/*/validate")
                        .hasAnyRole("BILLING_ANALYST", "GRID_OPERATOR")
                        .requestMatchers("/api/v1/vee/**")
                        .hasAnyRole("BILLING_ANALYST", "GRID_OPERATOR", "SECURITY_AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/third-parties/**", "/api/v1/disclosures")
                        .hasAnyRole("PRIVACY_OFFICER", "SECURITY_AUDITOR")
                        .requestMatchers("/api/v1/third-parties/**", "/api/v1/authorizations/**")
                        .hasRole("PRIVACY_OFFICER")
                        .requestMatchers("/api/v1/accounts/*/signed-authorizations/**")
                        .hasRole("CUSTOMER_SERVICE_REPRESENTATIVE")
                        .requestMatchers(HttpMethod.GET, "/api/v1/accounts/*/authorizations")
                        .hasAnyRole("CUSTOMER_SERVICE_REPRESENTATIVE", "PRIVACY_OFFICER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/aggregates/**")
                        .hasAnyRole("PRIVACY_OFFICER", "SECURITY_AUDITOR")
                        .requestMatchers("/api/v1/aggregates/**")
                        .hasRole("PRIVACY_OFFICER")
                        .requestMatchers("/api/v1/users/**", "/api/v1/service-accounts/**")
                        .hasRole("ADMINISTRATOR")
                        .requestMatchers("/api/v1/me/access-history")
                        .hasRole("CUSTOMER")
                        // Green Button Connect: a third party's bearer token only (no staff or customer session),
                        // its customer authorization decided on every request by consent.Disclosures
                        .requestMatchers(HttpMethod.GET, "/espi/1_1/resource/**")
                        .hasRole(ThirdPartyGrants.THIRD_PARTY_ROLE)
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll());
        signIn.applyTo(http);
        return http.build();
    }

    /** Argon2id with Spring Security's current defaults (16 MiB, 2 iterations, 1 lane). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }
}
