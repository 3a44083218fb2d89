package org.meterguard.server.portal.web;

import org.meterguard.server.access.CustomerPrincipals;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the signed-in customer's name (absent for visitors and staff) and which of the
 * portal's optional pages exist in this build.
 */
@ControllerAdvice(basePackages = {"org.meterguard.server.portal.web", "org.meterguard.server.privacy.web"})
class PortalModel {
    private final PortalFeatures features;

    PortalModel(PortalFeatures features) {
        this.features = features;
    }

    @ModelAttribute("portalUser")
    String portalUser(Authentication caller) {
        return caller == null || CustomerPrincipals.accountIds(caller).isEmpty() ? null : caller.getName();
    }

    @ModelAttribute("portalFeatures")
    PortalFeatures portalFeatures() {
        return features;
    }
}
