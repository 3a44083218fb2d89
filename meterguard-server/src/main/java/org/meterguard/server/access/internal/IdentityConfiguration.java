package org.meterguard.server.access.internal;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.meterguard.server.access.IdentityProperties;
import org.meterguard.server.access.SignedInUser;
import org.meterguard.server.access.ThirdPartyGrants;
import org.meterguard.server.keys.KeyEncryptionKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Beans of identity: the authorization-rule factory that adds the required factors to every rule, and the OAuth
 * 2.0 authorization server (Spring Authorization Server) with its clients, authorizations and consents in
 * PostgreSQL, issuing JWTs signed by the {@link TokenSigningKey}. Its endpoints ({@code /oauth2/token},
 * {@code /oauth2/revoke}, {@code /oauth2/introspect}, {@code /oauth2/jwks}, ...) have a filter chain of their own,
 * ahead of the API's, which also runs Green Button Connect's authorization-code flow.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {
    private static final String AUTHORIZE = "/oauth2/authorize";

    @Bean
    AuthorizationManagerFactory<RequestAuthorizationContext> authorizationManagerFactory(
            IdentityProperties properties) {
        DefaultAuthorizationManagerFactory<RequestAuthorizationContext> factory =
                new DefaultAuthorizationManagerFactory<>();
        factory.setAdditionalAuthorization(new RequiredFactors(properties.absoluteTimeout()));
        return factory;
    }

    /**
     * The authorization server's endpoints. The authorization endpoint runs Green Button Connect's
     * authorization-code flow ({@link AuthorizationCodeFlow}) for customers signed in to the portal (others are sent
     * to its sign-in page); {@code /oauth2/revoke} (RFC 7009) revokes a client's own access or refresh token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(
            HttpSecurity http, ObjectProvider<ThirdPartyGrants> grants, IdentityProperties properties)
            throws Exception {
        AuthorizationCodeFlow flow =
                new AuthorizationCodeFlow(grants, new RequiredFactors(properties.absoluteTimeout()));
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.authorizationEndpoint(flow::configure);
                })
                .authorizeHttpRequests(rules -> rules.requestMatchers(AUTHORIZE)
                        .hasRole(SignedInUser.CUSTOMER_ROLE)
                        .anyRequest()
                        .access(AuthenticatedAuthorizationManager.authenticated()))
                .exceptionHandling(refusals -> refusals.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/portal/sign-in"),
                        PathPatternRequestMatcher.pathPattern(AUTHORIZE)));
        return http.build();
    }

    @Bean
    RegisteredClientRepository oauth2RegisteredClients(JdbcOperations jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService oauth2Authorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService oauth2Consents(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    JWKSource<SecurityContext> oauth2TokenSigningKeys(JdbcClient jdbc, KeyEncryptionKey kek) {
        return TokenSigningKey.loadOrCreate(jdbc, kek);
    }

    @Bean
    JwtDecoder oauth2JwtDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    /**
     * Service accounts' tokens carry the role they map to, from the registered client's settings; third parties'
     * tokens the customer authorization they were issued under ({@link ThirdPartyGrants#AUTHORIZATION_CLAIM}).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(ObjectProvider<ThirdPartyGrants> grants) {
        return context -> {
            Object role = context.getRegisteredClient().getClientSettings().getSetting(ServiceAccountSettings.ROLE);
            if (role instanceof String name) {
                context.getClaims().claim(ServiceTokens.ROLE_CLAIM, name);
            }
            ThirdPartyGrants connect = grants.getIfAvailable();
            if (connect != null && context.getAuthorization() != null) {
                connect.boundAuthorization(context.getAuthorization().getId())
                        .ifPresent(id -> context.getClaims().claim(ThirdPartyGrants.AUTHORIZATION_CLAIM, id));
            }
        };
    }
}
