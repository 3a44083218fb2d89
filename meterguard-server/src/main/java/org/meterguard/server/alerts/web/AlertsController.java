package org.meterguard.server.alerts.web;

import java.util.List;
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
 * {@code GET /api/v1/alerts[?all=true][&subject=meter:ID][&limit=N]} and {@code POST /api/v1/alerts/{id}/close}:
 * tamper, theft and health alerts for operators and security staff (roles set in the security configuration).
 * Alerts name devices, never customers.
 */
@RestController
class AlertsController {
    private static final int MOST = 1000;

    private final Alerts alerts;

    AlertsController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/v1/alerts")
    List<Alert> list(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) String subject,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MOST) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "limit " + limit + " must be between 1 and " + MOST);
        }
        return alerts.list(all, subject, limit);
    }

    @PostMapping("/api/v1/alerts/{id}/close")
    Alert close(@PathVariable long id, Authentication caller) {
        Alert alert =
                alerts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + id));
        if (!alerts.close(id, caller.getName())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "alert " + id + " is already closed");
        }
        return alerts.find(alert.id()).orElseThrow();
    }
}
