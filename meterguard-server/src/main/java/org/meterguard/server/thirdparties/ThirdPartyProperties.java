package org.meterguard.server.thirdparties;

import java.time.Period;
import java.time.ZoneId;
import org.meterguard.core.thirdparty.BreachPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the third-party rules. The defaults are the CPUC's: 1,000 customers (alone or within a year) for the
 * regulator's notice within two weeks; a party's report expected within a week; three breaches in a year are a
 * pattern of breach that cuts the party off.
 *
 * @param utilityZone the zone in which contract dates and breach days are read
 * @param patternBreaches breaches by one party within {@code patternWindow} that cut it off
 * @param patternWindow the span in which they are counted
 * @param regulatorNoticeCustomers customers affected (alone or cumulatively) from which the regulator is told
 */
@ConfigurationProperties("meterguard.third-parties")
public record ThirdPartyProperties(
        @DefaultValue("America/Los_Angeles") ZoneId utilityZone,
        @DefaultValue("3") int patternBreaches,
        @DefaultValue("P1Y") Period patternWindow,
        @DefaultValue("1000") int regulatorNoticeCustomers) {

    /** The breach policy these settings make. */
    public BreachPolicy breachPolicy() {
        BreachPolicy cpuc = BreachPolicy.CPUC;
        return new BreachPolicy(
                cpuc.reportExpectedWithin(),
                regulatorNoticeCustomers,
                cpuc.regulatorNoticeWithin(),
                cpuc.cumulativeWindow(),
                patternBreaches,
                patternWindow);
    }
}
