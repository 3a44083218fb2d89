package org.meterguard.server.connect;

import java.util.ArrayList;
import java.util.List;
import org.meterguard.greenbutton.EspiResource;
import org.meterguard.greenbutton.EspiResource.Field;

/** A Green Button Connect client as ESPI's ApplicationInformation resource (its secret is never written). */
final class ApplicationInformation {
    private static final String ROOT = "/espi/1_1/resource";

    private ApplicationInformation() {}

    static EspiResource of(ConnectClient client, String baseUri) {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.of("dataCustodianId", "meterguard"));
        fields.add(
                Field.of("dataCustodianApplicationStatus", client.disabledAt().isPresent() ? 4 : 2));
        fields.add(Field.of("thirdPartyNotifyUri", client.redirectUris().get(0)));
        fields.add(Field.of("authorizationServerAuthorizationEndpoint", baseUri + "/oauth2/authorize"));
        fields.add(Field.of("authorizationServerTokenEndpoint", baseUri + "/oauth2/token"));
        fields.add(Field.of("dataCustodianBulkRequestURI", baseUri + ROOT + "/Batch/Bulk"));
        fields.add(Field.of("dataCustodianResourceEndpoint", baseUri + ROOT));
        fields.add(Field.of("client_secret", "not disclosed"));
        fields.add(Field.of("client_name", client.thirdPartyId()));
        client.redirectUris().forEach(uri -> fields.add(Field.of("redirect_uri", uri)));
        fields.add(Field.of("client_id", client.clientId()));
        fields.add(Field.of("software_id", client.thirdPartyId()));
        fields.add(Field.of("software_version", "1"));
        fields.add(Field.of("client_id_issued_at", client.registeredAt().getEpochSecond()));
        fields.add(Field.of(
                "client_secret_expires_at",
                client.disabledAt().map(d -> d.getEpochSecond()).orElse(0L)));
        fields.add(Field.of("token_endpoint_auth_method", "client_secret_basic"));
        client.scopes().forEach(scope -> fields.add(Field.of("scope", scope)));
        fields.add(Field.of("grant_types", "authorization_code"));
        fields.add(Field.of("grant_types", "refresh_token"));
        fields.add(Field.of("response_types", "code"));
        fields.add(
                Field.of("registration_client_uri", baseUri + ROOT + "/ApplicationInformation/" + client.clientId()));
        fields.add(Field.of("registration_access_token", "not issued"));
        return new EspiResource(
                "ApplicationInformation",
                ROOT + "/ApplicationInformation/" + client.clientId(),
                ROOT + "/ApplicationInformation",
                "Application of " + client.thirdPartyId(),
                fields);
    }
}
