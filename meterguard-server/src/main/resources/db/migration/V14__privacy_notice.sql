-- The privacy notice ("Notice of Accessing, Collecting, Storing, Using and Disclosing Energy Usage Information"):
-- every version ever published is kept, with its effective date; the current one is the newest in effect.
CREATE TABLE privacy_notice (
    version                 integer PRIMARY KEY CHECK (version >= 1),
    effective_from          date NOT NULL,
    published_at            timestamptz NOT NULL,
    published_by            text NOT NULL,
    official_title          text NOT NULL,
    official_email          text NOT NULL,
    official_postal_address text NOT NULL,
    official_phone          text NOT NULL,
    how_to_limit            text NOT NULL
);

-- Each category of covered information with its purposes, in the notice's order.
CREATE TABLE privacy_notice_category (
    version  integer NOT NULL REFERENCES privacy_notice (version),
    position integer NOT NULL,
    category text NOT NULL,
    purposes text NOT NULL,
    PRIMARY KEY (version, position)
);

-- What is disclosed to whom, and why, in the notice's order.
CREATE TABLE privacy_notice_disclosure (
    version     integer NOT NULL REFERENCES privacy_notice (version),
    position    integer NOT NULL,
    recipient   text NOT NULL,
    information text NOT NULL,
    purpose     text NOT NULL,
    PRIMARY KEY (version, position)
);

-- Published versions are records of what customers were told: never changed or removed.
CREATE FUNCTION privacy_notice_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'published privacy notices are never changed or removed';
END $$;
CREATE TRIGGER privacy_notice_immutable BEFORE UPDATE OR DELETE ON privacy_notice
    FOR EACH ROW EXECUTE FUNCTION privacy_notice_immutable();
CREATE TRIGGER privacy_notice_category_immutable BEFORE UPDATE OR DELETE ON privacy_notice_category
    FOR EACH ROW EXECUTE FUNCTION privacy_notice_immutable();
CREATE TRIGGER privacy_notice_disclosure_immutable BEFORE UPDATE OR DELETE ON privacy_notice_disclosure
    FOR EACH ROW EXECUTE FUNCTION privacy_notice_immutable();

-- The notice log: each notice given to an account (new account, changed version, annual), and how.
CREATE TABLE privacy_notice_given (
    id         bigserial PRIMARY KEY,
    account_id text NOT NULL REFERENCES customer_account (account_id),
    version    integer NOT NULL REFERENCES privacy_notice (version),
    reason     text NOT NULL CHECK (reason IN ('NEW_ACCOUNT', 'CHANGED_VERSION', 'ANNUAL')),
    given_at   timestamptz NOT NULL,
    channel    text NOT NULL
);
CREATE INDEX privacy_notice_given_account ON privacy_notice_given (account_id, given_at DESC);
