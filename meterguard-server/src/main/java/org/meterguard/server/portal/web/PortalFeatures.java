package org.meterguard.server.portal.web;

import org.springframework.stereotype.Component;

/**
 * Which of the portal's pages built on other modules are present: each is shown in the navigation only when the
 * service behind it is part of the application.
 */
@Component
class PortalFeatures {
    public boolean isGreenButton() {
        return true;
    }

    public boolean isRates() {
        return true;
    }

    public boolean isAuthorizations() {
        return true;
    }

    public boolean isAccessHistory() {
        return true;
    }
}
