package org.meterguard.server.privacy.web;

import java.time.LocalDate;
import java.util.List;
import org.meterguard.core.privacy.InformationCategory;
import org.meterguard.core.privacy.NoticeContent;
import org.meterguard.core.privacy.NoticeDisclosure;
import org.meterguard.core.privacy.NoticeGiven;
import org.meterguard.core.privacy.PrivacyNotice;
import org.meterguard.core.privacy.PrivacyOfficial;
import org.meterguard.server.privacy.NoticeRefused;
import org.meterguard.server.privacy.PrivacyNotices;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The privacy notice over HTTP: {@code GET /api/v1/privacy/notices} (every version, newest first; public),
 * {@code GET /api/v1/privacy/notices/current}, {@code POST /api/v1/privacy/notices} (the privacy officer publishes
 * the next version with its effective date; audited) and {@code GET /api/v1/privacy/notices/log?account=} (the
 * notice log of an account; privacy officer).
 */
@RestController
class PrivacyNoticeController {
    private final PrivacyNotices notices;

    PrivacyNoticeController(PrivacyNotices notices) {
        this.notices = notices;
    }

    /** What the privacy officer sends to publish a version. */
    record PublishRequest(
            String effectiveFrom,
            PrivacyOfficialBody official,
            List<CategoryBody> categories,
            List<DisclosureBody> disclosures,
            String howToLimit) {}

    record PrivacyOfficialBody(String title, String email, String postalAddress, String phone) {}

    record CategoryBody(String category, String purposes) {}

    record DisclosureBody(String recipient, String information, String purpose) {}

    @GetMapping("/api/v1/privacy/notices")
    List<PrivacyNotice> versions() {
        return notices.versions();
    }

    @GetMapping("/api/v1/privacy/notices/current")
    PrivacyNotice current() {
        return notices.current().orElseThrow(() -> new NotFound("no privacy notice is in effect yet"));
    }

    @GetMapping("/api/v1/privacy/notices/{version}")
    PrivacyNotice version(@PathVariable int version) {
        return notices.version(version).orElseThrow(() -> new NotFound("no privacy notice version " + version));
    }

    @PostMapping("/api/v1/privacy/notices")
    @ResponseStatus(HttpStatus.CREATED)
    PrivacyNotice publish(@RequestBody PublishRequest request, Authentication caller) {
        NoticeContent content = BadRequest.parse("notice", "", x -> content(request));
        LocalDate effective = BadRequest.parse("effectiveFrom", request.effectiveFrom(), LocalDates::parse);
        try {
            return notices.publish(content, effective, caller.getName(), "PRIVACY_OFFICER");
        } catch (NoticeRefused e) {
            throw new BadRequest(e.getMessage());
        }
    }

    @GetMapping("/api/v1/privacy/notices/log")
    List<NoticeGiven> log(@RequestParam String account) {
        return notices.log(account);
    }

    private static NoticeContent content(PublishRequest request) {
        if (request.official() == null) {
            throw new IllegalArgumentException(
                    "a privacy notice needs the privacy official (title, email," + " postalAddress, phone)");
        }
        PrivacyOfficialBody o = request.official();
        return new NoticeContent(
                new PrivacyOfficial(o.title(), o.email(), o.postalAddress(), o.phone()),
                orEmpty(request.categories()).stream()
                        .map(c -> new InformationCategory(c.category(), c.purposes()))
                        .toList(),
                orEmpty(request.disclosures()).stream()
                        .map(d -> new NoticeDisclosure(d.recipient(), d.information(), d.purpose()))
                        .toList(),
                request.howToLimit());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
