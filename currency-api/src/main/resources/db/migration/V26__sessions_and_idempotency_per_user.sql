-- Back-office sessions (issue 18): in PostgreSQL so that every node behind the proxy reads the same
-- sessions, and a user's sessions can be found by name and ended. Spring Session JDBC's own schema
-- for PostgreSQL (spring-session-jdbc 3.5, org/springframework/session/jdbc/schema-postgresql.sql).
CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- What a session was opened with: the database bumps it whenever a user's password, enabled flag,
-- role or binding changes, however the row is changed (the user administration, the admin reset at
-- start, an operator's UPDATE). Every request of a session compares it with the one it signed in
-- with, so a session outlives no such change even if ending it raced with a request.
ALTER TABLE app_user ADD COLUMN credentials_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION app_user_credentials_changed() RETURNS trigger AS $$
BEGIN
    IF NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.enabled IS DISTINCT FROM OLD.enabled
            OR NEW.role IS DISTINCT FROM OLD.role OR NEW.participant_id IS DISTINCT FROM OLD.participant_id
            OR NEW.counter_id IS DISTINCT FROM OLD.counter_id THEN
        NEW.credentials_version := OLD.credentials_version + 1;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER app_user_credentials_version BEFORE UPDATE ON app_user
    FOR EACH ROW EXECUTE FUNCTION app_user_credentials_changed();

-- Idempotency keys are each user's own: bob's "pay-1" no longer answers alice's "pay-1". Keys
-- stored before this version have no user (''): they are still found by anyone's retry, as they
-- were, so a request sent before the upgrade and retried after it is not done twice.
ALTER TABLE idempotency_key ADD COLUMN username VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (username, scope, idem_key);
-- the ids a key names are a keyed hash (HMAC) under this secret, drawn once at the first start:
-- unpredictable without it, the same for a retry on any node (IdempotentCommands)
CREATE TABLE id_secret (
    id     SMALLINT     PRIMARY KEY CHECK (id = 1),
    secret VARCHAR(128) NOT NULL
);
