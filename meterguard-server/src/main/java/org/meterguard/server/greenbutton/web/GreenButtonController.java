package org.meterguard.server.greenbutton.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.TimeRange;
import org.meterguard.core.access.Permission;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.access.CoveredRead;
import org.meterguard.server.greenbutton.GreenButtonDownload;
import org.meterguard.server.web.BadRequest;
import org.meterguard.server.web.NotFound;
import org.meterguard.server.web.TimeRanges;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/accounts/{accountId}/greenbutton?from=…&to=…&format=xml|csv&purpose=…&basis=…}: an account's
 * Green Button Download My Data, read by staff for a declared purpose (a customer's request: {@code
 * purpose=CUSTOMER_SERVICE} and the request's id as {@code basis}). The decision is audited (action {@code
 * greenbutton-download}, subject {@code account:<id>}) before anything is read; the document streams to the response.
 */
@RestController
class GreenButtonController {
    /** Ten years: longer than interval data is kept. */
    private static final Duration LONGEST_RANGE = Duration.ofDays(3_660);

    private final AccessControl accessControl;
    private final GreenButtonDownload download;

    GreenButtonController(AccessControl accessControl, GreenButtonDownload download) {
        this.accessControl = accessControl;
        this.download = download;
    }

    @GetMapping("/api/v1/accounts/{accountId}/greenbutton")
    void download(
            @PathVariable String accountId,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "xml") String format,
            @RequestParam String purpose,
            @RequestParam(required = false) String basis,
            Authentication caller,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        TimeRange range = TimeRanges.parse(from, to, LONGEST_RANGE);
        GreenButtonDownload.Format form =
                BadRequest.parse("format", format, f -> GreenButtonDownload.Format.valueOf(f.toUpperCase(Locale.ROOT)));
        PurposeOfUse declared = BadRequest.parse("purpose", purpose, PurposeOfUse::valueOf);
        if (!accountId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new BadRequest("invalid accountId: letters, digits, '_', '.' and '-', at most 64");
        }
        accessControl.authorize(
                caller,
                new CoveredRead(
                        Permission.READ_USAGE,
                        GreenButtonDownload.AUDIT_ACTION,
                        "account/" + accountId + "/greenbutton",
                        "account:" + accountId,
                        range,
                        declared,
                        basis,
                        form + " " + range.from() + ".." + range.to()),
                request.getRemoteAddr());
        if (!download.accountExists(accountId)) {
            throw new NotFound("no account " + accountId);
        }
        response.setContentType(form.mediaType() + ";charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"greenbutton-" + accountId + "-"
                        + range.from().getEpochSecond() + "-" + range.to().getEpochSecond() + "." + form.extension()
                        + "\"");
        OutputStream out = response.getOutputStream();
        download.write(accountId, range, form, out);
        out.flush();
    }
}
