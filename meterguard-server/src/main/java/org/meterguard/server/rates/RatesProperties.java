package org.meterguard.server.rates;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rate plans.
 *
 * @param plansDirectory a directory of further plan files ({@code *.yaml}) and holiday calendars
 *     ({@code holidays/*.yaml}) read at start beside the shipped examples; empty for none
 * @param examples whether the example plans shipped in the jar ({@code rates/plans/*.yaml}) are offered
 */
@ConfigurationProperties("meterguard.rates")
public record RatesProperties(
        @DefaultValue("") String plansDirectory,
        @DefaultValue("true") boolean examples) {}
