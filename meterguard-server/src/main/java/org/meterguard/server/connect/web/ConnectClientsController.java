package org.meterguard.server.connect.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.meterguard.server.connect.ConnectClient;
import org.meterguard.server.connect.ConnectClients;
import org.meterguard.server.connect.ConnectCredentials;
import org.meterguard.server.web.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The privacy officer registers a third party's Green Button Connect client (roles as for the registry):
 * {@code POST /api/v1/third-parties/{id}/connect-clients} with {@code purpose}, {@code scopes} (ESPI scopes) and
 * {@code redirectUris} answers the client id and its secret, shown once; {@code GET} lists the party's clients.
 */
@RestController
class ConnectClientsController {
    private final ConnectClients clients;

    ConnectClientsController(ConnectClients clients) {
        this.clients = clients;
    }

    /** A client to register. */
    record Registration(String purpose, List<String> scopes, List<String> redirectUris) {}

    @PostMapping("/api/v1/third-parties/{thirdPartyId}/connect-clients")
    @ResponseStatus(HttpStatus.CREATED)
    ConnectCredentials register(
            @PathVariable String thirdPartyId,
            @RequestBody Registration form,
            Authentication caller,
            HttpServletRequest request) {
        return clients.register(
                thirdPartyId, form.purpose(), form.scopes(), form.redirectUris(), Callers.actor(caller, request));
    }

    @GetMapping("/api/v1/third-parties/{thirdPartyId}/connect-clients")
    List<ConnectClient> ofParty(@PathVariable String thirdPartyId) {
        return clients.ofParty(thirdPartyId);
    }
}
