package org.meterguard.server.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.meterguard.core.TimeRange;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.access.CustomerPrincipals;
import org.meterguard.server.greenbutton.GreenButtonDownload;
import org.meterguard.server.portal.UsageDashboard;
import org.meterguard.server.web.BadRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /portal/green-button}: Green Button Download My Data for the customer's own account, as ESPI XML or CSV,
 * for any range of local days; the download ({@code /portal/green-button/download}) is decided and audited as the
 * customer's own read before it streams.
 */
@Controller
class GreenButtonPages {
    private static final int LONGEST_DAYS = 3_660;

    private final GreenButtonDownload download;
    private final UsageDashboard dashboard;
    private final AccessControl access;
    private final Clock clock = Clock.systemUTC();

    GreenButtonPages(GreenButtonDownload download, UsageDashboard dashboard, AccessControl access) {
        this.download = download;
        this.dashboard = dashboard;
        this.access = access;
    }

    @GetMapping("/portal/green-button")
    String page(Authentication caller, Model model) {
        List<String> accountIds = CustomerPrincipals.accountIds(caller);
        if (accountIds.isEmpty()) {
            return PortalPages.SIGN_IN;
        }
        LocalDate today =
                clock.instant().atZone(dashboard.zoneOf(accountIds.get(0))).toLocalDate();
        model.addAttribute("accountIds", accountIds);
        model.addAttribute("from", today.minusYears(1));
        model.addAttribute("to", today.plusDays(1));
        return "portal/green-button";
    }

    @GetMapping("/portal/green-button/download")
    void download(
            @RequestParam String account,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "xml") String format,
            Authentication caller,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        LocalDate first = BadRequest.parse("from", from, PortalParameters::date);
        LocalDate end = BadRequest.parse("to", to, PortalParameters::date);
        if (!end.isAfter(first) || first.plusDays(LONGEST_DAYS).isBefore(end)) {
            throw new BadRequest("invalid from/to: 'to' must follow 'from' by 1 to " + LONGEST_DAYS + " days");
        }
        GreenButtonDownload.Format form =
                BadRequest.parse("format", format, f -> GreenButtonDownload.Format.valueOf(f.toUpperCase(Locale.ROOT)));
        access.authorizeOwn(
                caller,
                account,
                "greenbutton-download",
                "account/" + account + "/greenbutton",
                form + " " + first + ".." + end,
                request.getRemoteAddr());
        ZoneId zone = dashboard.zoneOf(account);
        TimeRange range = new TimeRange(
                first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
        response.setContentType(form.mediaType() + ";charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"greenbutton-" + account + "-" + first + "-" + end + "." + form.extension()
                        + "\"");
        OutputStream out = response.getOutputStream();
        download.write(account, range, form, out);
        out.flush();
    }
}
