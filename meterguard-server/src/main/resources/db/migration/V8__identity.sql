-- Identity: second factors, sign-in throttling, customers as users, and the OAuth 2.0 authorization server's
-- registered clients and authorizations (Spring Authorization Server's JDBC schema, adapted to PostgreSQL).

-- A user's TOTP secret, stored only wrapped under the installation's key-encryption key (bound to the user's
-- name). last_step is the newest time step whose code was accepted: a code for it or any earlier step is refused.
CREATE TABLE user_totp (
    username     text PRIMARY KEY,
    kek_id       text NOT NULL,
    wrapped      bytea NOT NULL,
    last_step    bigint,
    enrolled_at  timestamptz NOT NULL DEFAULT now()
);

-- Failed sign-ins per name typed (whether or not such a user exists, so that lockout reveals nothing).
CREATE TABLE sign_in_throttle (
    username      text PRIMARY KEY,
    failures      integer NOT NULL DEFAULT 0,
    lockouts      integer NOT NULL DEFAULT 0,
    locked_until  timestamptz
);

ALTER TABLE staff_user ADD COLUMN disabled_at timestamptz;

-- Customers who sign in to see their own accounts. Their names share one namespace with staff names.
CREATE TABLE customer_user (
    username      text PRIMARY KEY,
    password_hash text NOT NULL,
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customer_user_account (
    username    text NOT NULL REFERENCES customer_user (username),
    account_id  text NOT NULL REFERENCES customer_account (account_id),
    PRIMARY KEY (username, account_id)
);
CREATE INDEX customer_user_account_by_account ON customer_user_account (account_id);

-- Spring Authorization Server (JdbcRegisteredClientRepository, JdbcOAuth2AuthorizationService,
-- JdbcOAuth2AuthorizationConsentService): 'blob' as text, 'timestamp' as timestamptz, as its schema advises.
CREATE TABLE oauth2_registered_client (
    id varchar(100) NOT NULL,
    client_id varchar(100) NOT NULL UNIQUE,
    client_id_issued_at timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret varchar(200) DEFAULT NULL,
    client_secret_expires_at timestamptz DEFAULT NULL,
    client_name varchar(200) NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types varchar(1000) NOT NULL,
    redirect_uris varchar(1000) DEFAULT NULL,
    post_logout_redirect_uris varchar(1000) DEFAULT NULL,
    scopes varchar(1000) NOT NULL,
    client_settings varchar(2000) NOT NULL,
    token_settings varchar(2000) NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE oauth2_authorization (
    id varchar(100) NOT NULL,
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorization_grant_type varchar(100) NOT NULL,
    authorized_scopes varchar(1000) DEFAULT NULL,
    attributes text DEFAULT NULL,
    state varchar(500) DEFAULT NULL,
    authorization_code_value text DEFAULT NULL,
    authorization_code_issued_at timestamptz DEFAULT NULL,
    authorization_code_expires_at timestamptz DEFAULT NULL,
    authorization_code_metadata text DEFAULT NULL,
    access_token_value text DEFAULT NULL,
    access_token_issued_at timestamptz DEFAULT NULL,
    access_token_expires_at timestamptz DEFAULT NULL,
    access_token_metadata text DEFAULT NULL,
    access_token_type varchar(100) DEFAULT NULL,
    access_token_scopes varchar(1000) DEFAULT NULL,
    oidc_id_token_value text DEFAULT NULL,
    oidc_id_token_issued_at timestamptz DEFAULT NULL,
    oidc_id_token_expires_at timestamptz DEFAULT NULL,
    oidc_id_token_metadata text DEFAULT NULL,
    refresh_token_value text DEFAULT NULL,
    refresh_token_issued_at timestamptz DEFAULT NULL,
    refresh_token_expires_at timestamptz DEFAULT NULL,
    refresh_token_metadata text DEFAULT NULL,
    user_code_value text DEFAULT NULL,
    user_code_issued_at timestamptz DEFAULT NULL,
    user_code_expires_at timestamptz DEFAULT NULL,
    user_code_metadata text DEFAULT NULL,
    device_code_value text DEFAULT NULL,
    device_code_issued_at timestamptz DEFAULT NULL,
    device_code_expires_at timestamptz DEFAULT NULL,
    device_code_metadata text DEFAULT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorities varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- The token-signing key of the authorization server (RSA), its private part wrapped under the KEK.
CREATE TABLE token_signing_key (
    key_id       text PRIMARY KEY,
    public_key   bytea NOT NULL,
    kek_id       text NOT NULL,
    wrapped      bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
