package org.meterguard.server.alerts.web;

import java.util.List;
import org.meterguard.core.detection.Evidence;
import org.meterguard.server.alerts.Alert;
import org.meterguard.server.alerts.Alerts;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/alerts[?all=true][&subject=meter:ID][&limit=N]}, {@code GET /api/v1/alerts/{id}} (with its
 * evidence) and {@code POST /api/v1/alerts/{id}/close}: tamper, theft, health and unusual-activity alerts for
 * operators and security staff (roles set in the security configuration). Alerts about people (unusual activity
 * by a user, an address or a third party) are shown to security auditors only; to anyone else they do not exist.
 */
@RestController
class AlertsController {
    private static final int MOST = 1000;
    private static final String AUDITOR = "ROLE_SECURITY_AUDITOR";

    private final Alerts alerts;

    AlertsController(Alerts alerts) {
        this.alerts = alerts;
    }

    /** An alert with the audit entries, security events and key changes it rests on. */
    record AlertWithEvidence(
            Alert alert, List<String> auditEntries, List<String> securityEvents, List<String> keyChanges) {
        static AlertWithEvidence of(Alert alert, List<Evidence> evidence) {
            return new AlertWithEvidence(
                    alert,
                    refs(evidence, Evidence.Source.AUDIT_ENTRY),
                    refs(evidence, Evidence.Source.SECURITY_EVENT),
                    refs(evidence, Evidence.Source.KEY_CHANGE));
        }

        private static List<String> refs(List<Evidence> evidence, Evidence.Source source) {
            return evidence.stream()
                    .filter(e -> e.source() == source)
                    .map(Evidence::ref)
                    .toList();
        }
    }

    @GetMapping("/api/v1/alerts")
    List<Alert> list(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) String subject,
            @RequestParam(defaultValue = "100") int limit,
            Authentication caller) {
        if (limit < 1 || limit > MOST) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "limit " + limit + " must be between 1 and " + MOST);
        }
        return alerts.list(all, subject, limit, auditor(caller));
    }

    @GetMapping("/api/v1/alerts/{id}")
    AlertWithEvidence show(@PathVariable long id, Authentication caller) {
        Alert alert = visible(id, caller);
        return AlertWithEvidence.of(alert, alerts.evidence(id));
    }

    @PostMapping("/api/v1/alerts/{id}/close")
    Alert close(@PathVariable long id, Authentication caller) {
        Alert alert = visible(id, caller);
        if (!alerts.close(id, caller.getName())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "alert " + id + " is already closed");
        }
        return alerts.find(alert.id()).orElseThrow();
    }

    private Alert visible(long id, Authentication caller) {
        return alerts.find(id)
                .filter(a -> !a.aboutPeople() || auditor(caller))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + id));
    }

    private static boolean auditor(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> AUDITOR.equals(a.getAuthority()));
    }
}
