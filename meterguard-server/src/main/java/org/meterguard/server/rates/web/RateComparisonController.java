package org.meterguard.server.rates.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.TimeRange;
import org.meterguard.core.access.Permission;
import org.meterguard.core.rates.RatePlan;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.access.CoveredRead;
import org.meterguard.server.rates.RateComparison;
import org.meterguard.server.rates.RatePlans;
import org.meterguard.server.web.BadRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/accounts/{accountId}/rate-comparison?months=12[&through=2026-10]&purpose=…[&basis=…]}: for
 * staff answering the customer's request (purpose CUSTOMER_SERVICE with the request as basis), what each plan
 * offered to the account's class would have cost over its own metered months. The access decision is audited,
 * subject {@code account:<id>}, before any usage is read. {@code GET /api/v1/rate-plans} lists the plans, which
 * are no one's covered information.
 */
@RestController
class RateComparisonController {
    private final AccessControl accessControl;
    private final RateComparison comparison;
    private final RatePlans plans;

    RateComparisonController(AccessControl accessControl, RateComparison comparison, RatePlans plans) {
        this.accessControl = accessControl;
        this.comparison = comparison;
        this.plans = plans;
    }

    @GetMapping("/api/v1/accounts/{accountId}/rate-comparison")
    RateComparisonResponse compare(
            @PathVariable String accountId,
            @RequestParam(defaultValue = "12") String months,
            @RequestParam(required = false) String through,
            @RequestParam String purpose,
            @RequestParam(required = false) String basis,
            Authentication caller,
            HttpServletRequest request) {
        int count = BadRequest.parse("months", months, RateComparisonController::months);
        Optional<YearMonth> last = through == null
                ? Optional.empty()
                : Optional.of(BadRequest.parse("through", through, RateComparisonController::yearMonth));
        PurposeOfUse declared = BadRequest.parse("purpose", purpose, PurposeOfUse::valueOf);
        accessControl.authorize(
                caller,
                new CoveredRead(
                        Permission.READ_USAGE,
                        "compare-rates",
                        "account/" + accountId + "/rate-comparison",
                        "account:" + accountId,
                        monthsRead(count, last),
                        declared,
                        basis,
                        count + " months" + (through == null ? "" : " through " + through)),
                request.getRemoteAddr());
        return RateComparisonResponse.of(comparison.compare(accountId, count, last));
    }

    @GetMapping("/api/v1/rate-plans")
    List<PlanSummary> plans() {
        return plans.all().stream().map(PlanSummary::of).toList();
    }

    /** A plan as listed: what it is and to whom it is offered. */
    record PlanSummary(
            String id,
            String name,
            String description,
            boolean example,
            String customerClass,
            String zone,
            List<String> versionsEffective) {
        static PlanSummary of(RatePlan plan) {
            return new PlanSummary(
                    plan.id(),
                    plan.name(),
                    plan.description(),
                    plan.example(),
                    plan.customerClass().name(),
                    plan.zone().getId(),
                    plan.versions().stream()
                            .map(v -> v.effectiveFrom().toString())
                            .toList());
        }
    }

    /** The span the comparison reads: the months asked for, or (through unset) up to the current month. */
    private static TimeRange monthsRead(int count, Optional<YearMonth> through) {
        YearMonth end = through.orElse(YearMonth.now(ZoneOffset.UTC));
        return new TimeRange(
                end.minusMonths(count).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                end.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static int months(String text) {
        int count = Integer.parseInt(text);
        if (count < 1 || count > RateComparison.MAX_MONTHS) {
            throw new IllegalArgumentException(count + " is outside 1 to " + RateComparison.MAX_MONTHS);
        }
        return count;
    }

    private static YearMonth yearMonth(String text) {
        try {
            return YearMonth.parse(text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a month such as 2026-10", e);
        }
    }
}
