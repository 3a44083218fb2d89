package org.meterguard.greenbutton;

import java.util.Objects;

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
}
