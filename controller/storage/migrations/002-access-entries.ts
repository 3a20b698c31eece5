/**
 * A third kind of audit entry, `access`: the summary of refused operator log-ins (server/access-refusals.ts). SQLite
 * cannot change a CHECK constraint in place, so both tables are built again and the rows copied as they are — every
 * hash stays valid — then the append-only triggers are set again. The copies are made, and the old tables dropped,
 * child first, so that no foreign key ever points nowhere (this runs in a transaction, with foreign keys on).
 */
export const migration002 = {
  version: 2,
  name: 'access entries in the audit log',
  sql: `
    CREATE TABLE audit_v2 (
      seq       INTEGER PRIMARY KEY,
      at        TEXT NOT NULL,
      actor     TEXT NOT NULL,
      kind      TEXT NOT NULL CHECK (kind IN ('command', 'refusal', 'access')),
      body      TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash      TEXT NOT NULL
    ) STRICT;
    INSERT INTO audit_v2 (seq, at, actor, kind, body, prev_hash, hash)
      SELECT seq, at, actor, kind, body, prev_hash, hash FROM audit ORDER BY seq;

    CREATE TABLE results_v2 (
      school    TEXT NOT NULL,
      kind      TEXT NOT NULL CHECK (kind IN ('students', 'teachers')),
      audit_seq INTEGER NOT NULL REFERENCES audit_v2 (seq),
      body      TEXT NOT NULL,
      PRIMARY KEY (school, kind)
    ) STRICT;
    INSERT INTO results_v2 (school, kind, audit_seq, body) SELECT school, kind, audit_seq, body FROM results;

    DROP TABLE results;
    DROP TABLE audit;
    ALTER TABLE audit_v2 RENAME TO audit;
    ALTER TABLE results_v2 RENAME TO results;

    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER results_no_update BEFORE UPDATE ON results
      BEGIN SELECT RAISE(ABORT, 'results are append-only'); END;
    CREATE TRIGGER results_no_delete BEFORE DELETE ON results
      BEGIN SELECT RAISE(ABORT, 'results are append-only'); END;
  `,
};
