package org.meterguard.server.access.web;

import java.time.Duration;
import java.util.List;
import org.meterguard.server.access.AccessHistory;
import org.meterguard.server.access.SignedInUser;
import org.meterguard.server.web.TimeRanges;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in customer's access history: who (role, never a name) read their accounts' data, why, and when. */
@RestController
class AccessHistoryController {
    private static final Duration LONGEST = Duration.ofDays(731);
    private static final int LIMIT = 10_000;

    private final AccessHistory history;

    AccessHistoryController(AccessHistory history) {
        this.history = history;
    }

    @GetMapping("/api/v1/me/access-history")
    List<AccessHistory.Access> accessHistory(
            @AuthenticationPrincipal SignedInUser customer, @RequestParam String from, @RequestParam String to) {
        return history.of(customer, TimeRanges.parse(from, to, LONGEST), LIMIT);
    }
}
