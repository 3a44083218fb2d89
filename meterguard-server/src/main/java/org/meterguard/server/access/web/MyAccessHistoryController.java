package org.meterguard.server.access.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meterguard.core.TimeRange;
import org.meterguard.server.access.SignedInUser;
import org.meterguard.server.audit.AccessHistory;
import org.meterguard.server.audit.AccessRecord;
import org.meterguard.server.web.TimeRanges;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in customer's access history over their own accounts only (the ids their principal carries): who, as a
 * role or organization and never a person's name, accessed which account's data, for what purpose, and when.
 */
@RestController
class MyAccessHistoryController {
    private static final Duration LONGEST = Duration.ofDays(731);

    private final AccessHistory history;

    MyAccessHistoryController(AccessHistory history) {
        this.history = history;
    }

    @GetMapping("/api/v1/me/access-history")
    List<Map<String, Object>> accessHistory(
            @AuthenticationPrincipal SignedInUser customer, @RequestParam String from, @RequestParam String to) {
        TimeRange range = TimeRanges.parse(from, to, LONGEST);
        List<Map<String, Object>> accesses = new ArrayList<>();
        for (String accountId : customer.accountIds()) {
            for (AccessRecord record : history.of(accountId, range.from(), range.to(), AccessHistory.MAX_RECORDS)) {
                accesses.add(entry(accountId, record));
            }
        }
        accesses.sort(Comparator.comparing(a -> (java.time.Instant) a.get("at")));
        return accesses;
    }

    private static Map<String, Object> entry(String accountId, AccessRecord record) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", record.at());
        entry.put("accountId", accountId);
        entry.put("accessorKind", record.accessorKind());
        entry.put("accessor", record.accessor());
        entry.put("purpose", record.purpose());
        entry.put("basisKind", record.basisKind());
        entry.put("action", record.action());
        entry.put("resource", record.resource());
        entry.put("decision", record.decision());
        return entry;
    }
}
