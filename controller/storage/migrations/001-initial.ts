/**
 * The audit log, which is also the command log the state is rebuilt from, and the drawn results. Both tables are
 * append-only: the triggers make UPDATE and DELETE fail, so a result cannot be changed by any code path, only by
 * someone editing the file by hand — which the hash chain then exposes.
 */
export const migration001 = {
  version: 1,
  name: 'audit log and results',
  sql: `
    CREATE TABLE audit (
      seq       INTEGER PRIMARY KEY,
      at        TEXT NOT NULL,
      actor     TEXT NOT NULL,
      kind      TEXT NOT NULL CHECK (kind IN ('command', 'refusal')),
      body      TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash      TEXT NOT NULL
    ) STRICT;

    CREATE TABLE results (
      school    TEXT NOT NULL,
      kind      TEXT NOT NULL CHECK (kind IN ('students', 'teachers')),
      audit_seq INTEGER NOT NULL REFERENCES audit (seq),
      body      TEXT NOT NULL,
      PRIMARY KEY (school, kind)
    ) STRICT;

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
