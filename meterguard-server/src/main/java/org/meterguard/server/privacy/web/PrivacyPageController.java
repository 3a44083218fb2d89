package org.meterguard.server.privacy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.meterguard.core.privacy.PrivacyNotice;
import org.meterguard.server.privacy.PrivacyNotices;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /privacy}: the public page of the privacy notice, the version in effect with its effective date, any
 * version already published to take effect later, and every prior version in full.
 */
@Controller
class PrivacyPageController {
    private final PrivacyNotices notices;
    private final Clock clock = Clock.systemUTC();

    PrivacyPageController(PrivacyNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/privacy")
    String page(Model model) {
        LocalDate today = clock.instant().atZone(notices.zone()).toLocalDate();
        List<PrivacyNotice> all = notices.versions();
        Optional<PrivacyNotice> current =
                all.stream().filter(n -> n.effectiveBy(today)).findFirst();
        model.addAttribute("current", current.orElse(null));
        model.addAttribute(
                "upcoming", all.stream().filter(n -> !n.effectiveBy(today)).toList());
        model.addAttribute(
                "prior",
                all.stream()
                        .filter(n -> n.effectiveBy(today)
                                && current.map(c -> c.version() != n.version()).orElse(true))
                        .toList());
        return "privacy";
    }
}
