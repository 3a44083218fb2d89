package org.meterguard.greenbutton;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ESPI LocalTimeParameters (TimeConfiguration) as the file states them: the offsets in seconds and the daylight-saving
 * rules as their raw hexadecimal values, not interpreted.
 *
 * @param tzOffset the standard time zone's offset from UTC in seconds (e.g. -18000 for US Eastern)
 * @param dstOffset what daylight-saving time adds to {@code tzOffset}, in seconds (usually 3600)
 * @param dstStartRule the raw ESPI DstRuleType of the start of daylight-saving time (e.g. {@code 360E2000})
 * @param dstEndRule the raw ESPI DstRuleType of its end
 */
public record LocalTimeParameters(long tzOffset, long dstOffset, String dstStartRule, String dstEndRule) {
    public LocalTimeParameters {
        Objects.requireNonNull(dstStartRule, "dstStartRule");
        Objects.requireNonNull(dstEndRule, "dstEndRule");
    }

    /**
     * The parameters that describe {@code zone} as it keeps time from {@code at} on: its standard offset then, and
     * its yearly daylight-saving rules ({@link DstRule}) where it has them and ESPI can state them; otherwise
     * daylight-saving processing is off ({@code FFFFFFFF}, dstOffset 0). Interval times in a Green Button file are UTC
     * whatever these say; they only tell a reader how local days fall.
     */
    public static LocalTimeParameters of(ZoneId zone, Instant at) {
        ZoneRules rules = zone.getRules();
        long standard = rules.getStandardOffset(at).getTotalSeconds();
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (yearly.size() == 2) {
            ZoneOffsetTransitionRule start = springsForward(yearly.get(0)) ? yearly.get(0) : yearly.get(1);
            ZoneOffsetTransitionRule end = springsForward(yearly.get(0)) ? yearly.get(1) : yearly.get(0);
            Optional<DstRule> startRule = DstRule.of(start);
            Optional<DstRule> endRule = DstRule.of(end);
            if (springsForward(start) && !springsForward(end) && startRule.isPresent() && endRule.isPresent()) {
                long dst = start.getOffsetAfter().getTotalSeconds()
                        - start.getOffsetBefore().getTotalSeconds();
                return new LocalTimeParameters(
                        standard, dst, startRule.get().hex(), endRule.get().hex());
            }
        }
        String off = DstRule.DISABLED.hex();
        return new LocalTimeParameters(standard, 0, off, off);
    }

    private static boolean springsForward(ZoneOffsetTransitionRule rule) {
        return rule.getOffsetAfter().getTotalSeconds() > rule.getOffsetBefore().getTotalSeconds();
    }
}
