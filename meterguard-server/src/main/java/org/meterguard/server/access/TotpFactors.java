package org.meterguard.server.access;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.OptionalLong;
import org.meterguard.server.access.internal.IdentityAudit;
import org.meterguard.server.access.internal.Totp;
import org.meterguard.server.access.internal.TotpSecret;
import org.meterguard.server.keys.KeyEncryptionKey;
import org.meterguard.server.keys.WrappedKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' TOTP second factors (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps, one step of drift either way).
 * A secret is generated here, shown once as an otpauth URI, and stored only wrapped under the key-encryption key
 * (bound to its user's name). A code is accepted once: its step must be newer than the last accepted step.
 */
@Service
public class TotpFactors {
    private static final String ISSUER = "Meterguard";

    private final JdbcClient jdbc;
    private final KeyEncryptionKey kek;
    private final IdentityAudit audit;
    private final Clock clock;
    private final Totp totp = new Totp(6);

    TotpFactors(JdbcClient jdbc, KeyEncryptionKey kek, IdentityAudit audit) {
        this.jdbc = jdbc;
        this.kek = kek;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    /**
     * Enrolls {@code username} with a fresh secret, replacing none: fails when one is enrolled (an administrator
     * resets it first). {@code actor} is who asked (the user, an administrator, or the first start).
     */
    @Transactional
    public TotpEnrollment enroll(String username, String actor, String clientAddress) {
        TotpSecret secret = TotpSecret.generate();
        WrappedKey wrapped = secret.apply(bytes -> kek.wrap(bytes, owner(username)));
        int inserted = jdbc.sql(
                        "INSERT INTO user_totp (username, kek_id, wrapped) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(username, wrapped.kekId(), wrapped.blob())
                .update();
        if (inserted == 0) {
            throw new IllegalStateException("user " + username + " already has a TOTP second factor; reset it first");
        }
        audit.record("totp-enrolled", actor, "", username, true, clientAddress, "TOTP secret issued");
        return new TotpEnrollment(username, uri(username, secret));
    }

    /** True when {@code username} has a TOTP secret. */
    public boolean enrolled(String username) {
        return jdbc.sql("SELECT count(*) FROM user_totp WHERE username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Accepts {@code code} for {@code username} once; false when wrong, not enrolled, or already used. */
    public boolean verify(String username, String code) {
        var row = jdbc.sql("SELECT kek_id, wrapped FROM user_totp WHERE username = ?")
                .param(username)
                .query((rs, n) -> new WrappedKey(rs.getString("kek_id"), rs.getBytes("wrapped")))
                .optional();
        if (row.isEmpty()) {
            return false;
        }
        byte[] bytes = kek.unwrap(row.get(), owner(username));
        TotpSecret secret;
        try {
            secret = new TotpSecret(bytes);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
        OptionalLong step = totp.matchingStep(secret, code, clock.instant());
        return step.isPresent()
                && jdbc.sql("UPDATE user_totp SET last_step = ? WHERE username = ?"
                                        + " AND (last_step IS NULL OR last_step < ?)")
                                .params(step.getAsLong(), username, step.getAsLong())
                                .update()
                        == 1;
    }

    /** Removes {@code username}'s secret; they enroll again at their next sign-in. */
    @Transactional
    public void reset(String username, String actor, String role, String clientAddress) {
        jdbc.sql("DELETE FROM user_totp WHERE username = ?").param(username).update();
        audit.record("totp-reset", actor, role, username, true, clientAddress, "TOTP secret removed");
    }

    private static String owner(String username) {
        return "totp:" + username;
    }

    private static URI uri(String username, TotpSecret secret) {
        String label = ISSUER + ":"
                + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create("otpauth://totp/" + label + "?secret=" + secret.base32() + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS);
    }
}
