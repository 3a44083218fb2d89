package org.meterguard.server.retention.web;

import java.time.Clock;
import java.util.List;
import org.meterguard.server.retention.Retention;
import org.meterguard.server.retention.RetentionStep;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/retention/plan}: the dry run, what a run now would remove (privacy officer, security auditor,
 * administrator); {@code POST /api/v1/retention/run}: run it now (privacy officer), audited under the caller.
 */
@RestController
class RetentionController {
    private final Retention retention;
    private final Clock clock = Clock.systemUTC();

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping("/api/v1/retention/plan")
    List<RetentionStep> plan() {
        return retention.dryRun(clock.instant());
    }

    @PostMapping("/api/v1/retention/run")
    List<RetentionStep> run(Authentication caller) {
        return retention.run(clock.instant(), caller.getName(), "PRIVACY_OFFICER");
    }
}
