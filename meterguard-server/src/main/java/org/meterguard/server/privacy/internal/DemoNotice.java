package org.meterguard.server.privacy.internal;

import java.time.Clock;
import java.util.List;
import org.meterguard.core.privacy.InformationCategory;
import org.meterguard.core.privacy.NoticeContent;
import org.meterguard.core.privacy.NoticeDisclosure;
import org.meterguard.core.privacy.PrivacyOfficial;
import org.meterguard.server.privacy.PrivacyNotices;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's first privacy notice, published on the first start when none exists, so the demo shows a complete
 * notice. A utility publishes its own through the privacy officer's API.
 */
@Component
@ConditionalOnProperty(name = "meterguard.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoNotice {
    private final PrivacyNotices notices;

    DemoNotice(PrivacyNotices notices) {
        this.notices = notices;
    }

    @EventListener(ApplicationReadyEvent.class)
    void publishFirstNotice() {
        if (notices.versions().isEmpty()) {
            notices.publish(
                    content(),
                    Clock.systemUTC().instant().atZone(notices.zone()).toLocalDate(),
                    "demo",
                    "PRIVACY_OFFICER");
        }
    }

    static NoticeContent content() {
        return new NoticeContent(
                new PrivacyOfficial(
                        "Chief Privacy Officer",
                        "privacy@meterguard.example",
                        "Meterguard Demo Utility, Privacy Office\n100 Main Street\nSpringfield, CA 90000",
                        "+1 555 0100"),
                List.of(
                        new InformationCategory(
                                "Energy usage in 15-minute intervals (delivered and, with solar, received)",
                                "Billing; outage detection and restoration; grid planning and operations; the usage"
                                        + " charts, downloads and rate comparisons you ask for"),
                        new InformationCategory(
                                "Meter events (power outages and restorations, tamper alarms)",
                                "Outage restoration; meter and network maintenance; theft and tamper detection"),
                        new InformationCategory(
                                "Voltage measurements",
                                "Keeping service voltage within standard ranges; grid operations"),
                        new InformationCategory(
                                "Name, service address and contact details",
                                "Billing; telling you about outages, this notice and changes to it")),
                List.of(
                        new NoticeDisclosure(
                                "Contractors operating our metering network and billing system",
                                "Energy usage and meter events, only as their contracted work needs",
                                "Metering, billing and grid operations on our behalf, under contract"),
                        new NoticeDisclosure(
                                "Third parties you authorize",
                                "What your authorization names, for the period it names",
                                "Only the purpose you authorized; you can revoke it at any time"),
                        new NoticeDisclosure(
                                "Public authorities with a warrant, subpoena or court order",
                                "What the legal demand names",
                                "Complying with the law; we tell you unless the law forbids it")),
                "We never sell your energy usage information. Sign in to see and revoke the third parties you"
                        + " authorized and to see who accessed your data and why. You may ask us not to use your"
                        + " data for any secondary purpose (for example energy-efficiency programs) by writing to"
                        + " the privacy official below; billing and grid operations, which need it, continue.");
    }
}
