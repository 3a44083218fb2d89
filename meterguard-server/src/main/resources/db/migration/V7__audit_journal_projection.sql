-- The audit journal (meterguard.audit.directory, RFC 9162 Merkle leaves with Ed25519-signed tree heads) is now the
-- tamper-evident log. audit_entry becomes its queryable projection: rows keyed by the journal's leaf index (seq),
-- filled in order by one follower from the journal, so appends no longer serialize on an advisory lock here. The
-- projection is never the proof: inclusion and consistency proofs and exports come from the journal.
COMMENT ON TABLE audit_entry IS
    'Projection of the audit journal for SQL readers; seq is the leaf index. Append-only; the journal is the proof.';

-- A customer's access history and alert evidence: one subject over time; one actor over time; a period.
CREATE INDEX audit_entry_subject_time ON audit_entry (subject, recorded_at);
CREATE INDEX audit_entry_actor_time ON audit_entry (actor, recorded_at);
CREATE INDEX audit_entry_time ON audit_entry (recorded_at);

-- Every signed tree head the journal wrote, for the auditor's history; as append-only as the entries.
CREATE TABLE audit_tree_head (
    tree_size bigint PRIMARY KEY,
    signed_at timestamptz NOT NULL,
    root_hash bytea NOT NULL,
    key_id    bytea NOT NULL,
    encoded   bytea NOT NULL          -- the 146-byte signed head, as SignedTreeHead.decode reads it
);
CREATE TRIGGER audit_tree_head_append_only BEFORE UPDATE OR DELETE ON audit_tree_head
    FOR EACH ROW EXECUTE FUNCTION mg_audit_is_append_only();
CREATE TRIGGER audit_tree_head_no_truncate BEFORE TRUNCATE ON audit_tree_head
    FOR EACH STATEMENT EXECUTE FUNCTION mg_audit_is_append_only();
