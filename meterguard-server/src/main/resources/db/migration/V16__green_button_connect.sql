-- Green Button Connect My Data: third parties' OAuth clients, and which customer authorization each OAuth
-- authorization (its code, access and refresh tokens) was issued under.

CREATE TABLE connect_client (
    client_id      text PRIMARY KEY,               -- the registered client's client_id (oauth2_registered_client)
    third_party_id text NOT NULL REFERENCES third_party (third_party_id),
    purpose        text NOT NULL,                  -- the secondary purpose every authorization it asks for names
    registered_at  timestamptz NOT NULL,
    registered_by  text NOT NULL,
    disabled_at    timestamptz                     -- set when the party is cut off; the client is refused from then
);
CREATE INDEX connect_client_party ON connect_client (third_party_id);

-- Written when the customer approves on the consent screen, before the code is issued; the tokens of the OAuth
-- authorization are checked against the customer authorization on every request and removed when it is revoked.
CREATE TABLE connect_grant (
    oauth2_authorization_id text PRIMARY KEY,      -- oauth2_authorization.id (the row goes when tokens are removed)
    authorization_id        text NOT NULL REFERENCES customer_authorization (authorization_id),
    client_id               text NOT NULL REFERENCES connect_client (client_id),
    third_party_id          text NOT NULL REFERENCES third_party (third_party_id),
    account_id              text NOT NULL,
    scope                   text NOT NULL,
    granted_at              timestamptz NOT NULL
);
CREATE INDEX connect_grant_authorization ON connect_grant (authorization_id);
CREATE INDEX connect_grant_party ON connect_grant (third_party_id);
