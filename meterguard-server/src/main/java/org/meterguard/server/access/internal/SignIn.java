package org.meterguard.server.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.meterguard.server.access.IdentityProperties;
import org.meterguard.server.access.TotpFactors;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * How people and systems authenticate to the API, applied to the security filter chain by
 * {@code SecurityConfiguration}:
 *
 * <ol>
 *   <li>{@code POST /api/v1/sign-in} (form fields {@code username}, {@code password}): Spring Security's form
 *       login over Argon2id hashes, behind the lockout; it answers JSON with the next step and a CSRF token.
 *   <li>{@code POST /api/v1/sign-in/totp} (field {@code code}): the TOTP factor, merged into the session's
 *       authentication by Spring Security's multi-factor support; {@code POST /api/v1/sign-in/totp-enrollment}
 *       issues a secret to a user who has none, after their password.
 *   <li>Every authorization rule also requires the user's factors ({@link RequiredFactors}); sessions end after
 *       the idle and absolute timeouts ({@link SessionGuard}); {@code POST /api/v1/sign-out} ends one at once.
 *   <li>Systems send {@code Authorization: Bearer} JWTs from the authorization server's {@code /oauth2/token}
 *       (client credentials); their scopes become {@code SCOPE_x} authorities, their role {@code ROLE_x}.
 * </ol>
 *
 * State-changing requests of a session need the {@code X-CSRF-TOKEN} header; bearer requests carry no cookie and
 * need none.
 */
@Component
public class SignIn {
    static final String SIGN_IN = "/api/v1/sign-in";
    static final String TOTP = "/api/v1/sign-in/totp";
    static final String ENROLLMENT = "/api/v1/sign-in/totp-enrollment";
    static final String SIGN_OUT = "/api/v1/sign-out";

    private final SignInUsers users;
    private final PasswordEncoder passwordEncoder;
    private final SignInThrottle throttle;
    private final TotpFactors totp;
    private final SignInResponses responses;
    private final IdentityAudit audit;
    private final IdentityProperties properties;
    private final ServiceTokens serviceTokens;

    SignIn(
            SignInUsers users,
            PasswordEncoder passwordEncoder,
            SignInThrottle throttle,
            TotpFactors totp,
            SignInResponses responses,
            IdentityAudit audit,
            IdentityProperties properties,
            ServiceTokens serviceTokens) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.totp = totp;
        this.responses = responses;
        this.audit = audit;
        this.properties = properties;
        this.serviceTokens = serviceTokens;
    }

    /** The rules for the sign-in endpoints themselves; to be registered before any other rule. */
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, SIGN_IN, TOTP, SIGN_OUT)
                .permitAll()
                .requestMatchers(HttpMethod.POST, ENROLLMENT)
                .access(AuthorityAuthorizationManager.hasAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
    }

    /** Applies sign-in, sessions, sign-out, CSRF and bearer tokens to {@code http}. */
    public void applyTo(HttpSecurity http) throws Exception {
        DaoAuthenticationProvider password = new DaoAuthenticationProvider(users);
        password.setPasswordEncoder(passwordEncoder);
        http.authenticationManager(new ProviderManager(List.of(new ThrottledStep(password, throttle))))
                .formLogin(form -> form.loginPage("/sign-in")
                        .loginProcessingUrl(SIGN_IN)
                        .successHandler(responses.password())
                        .failureHandler(responses.failure()))
                .addFilterAfter(totpFilter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SessionGuard(properties.absoluteTimeout(), users), AuthorizationFilter.class)
                .logout(logout -> logout.logoutRequestMatcher(
                                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, SIGN_OUT))
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.record(
                                        "sign-out",
                                        authentication.getName(),
                                        "",
                                        authentication.getName(),
                                        true,
                                        ClientAddress.of(request),
                                        "signed out");
                            }
                        })
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.pathPattern(HttpMethod.POST, SIGN_IN),
                        PathPatternRequestMatcher.pathPattern(HttpMethod.POST, TOTP)))
                .oauth2ResourceServer(
                        server -> server.jwt(jwt -> jwt.authenticationManager(serviceTokens.authenticationManager()))
                                .authenticationEntryPoint(ApiRefusals.invalidToken()))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(ApiRefusals.signInFirst())
                        .accessDeniedHandler(ApiRefusals.denied()));
    }

    /**
     * Identity's answers to refused requests (a missing or expired factor, a missing CSRF token, else 403), for a
     * filter chain that answers some refusals itself; {@link #applyTo} installs them.
     */
    public AccessDeniedHandler refusals() {
        return ApiRefusals.denied();
    }

    /** A success handler that answers and ends the request (the default would continue down the filter chain). */
    private static AuthenticationSuccessHandler answerOnly(AuthenticationSuccessHandler handler) {
        return new AuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws IOException, ServletException {
                handler.onAuthenticationSuccess(request, response, authentication);
            }

            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request,
                    HttpServletResponse response,
                    FilterChain chain,
                    Authentication authentication)
                    throws IOException, ServletException {
                handler.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    private AuthenticationFilter totpFilter() {
        AuthenticationFilter filter = new AuthenticationFilter(
                new ProviderManager(List.of(new ThrottledStep(new TotpStep(totp), throttle))), new TotpCodes());
        filter.setRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, TOTP));
        filter.setSuccessHandler(answerOnly(responses.totp()));
        filter.setFailureHandler(responses.failure());
        filter.setSecurityContextRepository(new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
        filter.setMfaEnabled(true);
        return filter;
    }
}
