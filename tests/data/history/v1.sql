-- A history file as Backstay's schema version 1 makes it, with a few rows:
-- a finished core test, a core test left in progress (its app was killed)
-- and an assessment.  The tests build a database from this script, so that
-- a file made by an older build stays readable whatever the code does now.
PRAGMA application_id = 1114862713;
PRAGMA user_version = 1;

CREATE TABLE entries (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('session', 'assessment')),
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entries_started_at ON entries (started_at);
CREATE TABLE sessions (
  entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
  routine_id TEXT NOT NULL,
  routine_name TEXT NOT NULL,
  category TEXT NOT NULL,
  form_id TEXT,
  form_name TEXT,
  level INTEGER NOT NULL CHECK (level >= 0),
  schedule_json TEXT NOT NULL,
  outcome TEXT NOT NULL
    CHECK (outcome IN ('in-progress', 'completed', 'stopped-early', 'interrupted')),
  scored INTEGER NOT NULL CHECK (scored IN (0, 1)),
  stage_reached INTEGER NOT NULL CHECK (stage_reached >= 0),
  target_seconds INTEGER NOT NULL CHECK (target_seconds >= 0)
);
CREATE TABLE session_stages (
  entry_id INTEGER NOT NULL REFERENCES sessions (entry_id) ON DELETE CASCADE,
  stage INTEGER NOT NULL CHECK (stage >= 1),
  seconds INTEGER NOT NULL CHECK (seconds >= 0),
  held_ms INTEGER NOT NULL CHECK (held_ms >= 0),
  skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),
  PRIMARY KEY (entry_id, stage)
) WITHOUT ROWID;
CREATE TABLE assessments (
  entry_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
  rules_version INTEGER NOT NULL CHECK (rules_version >= 1),
  answers_json TEXT NOT NULL,
  findings_json TEXT NOT NULL,
  red_flag INTEGER NOT NULL CHECK (red_flag IN (0, 1))
);

-- 2023-11-14 22:13:20 UTC: a full core test, every stage held.
INSERT INTO entries VALUES
  (1, '0b5c3a52-6f0e-4a3b-9d56-3f7a1e2c4b10', 'session', 1700000000, 1700000190,
   'Felt strong today');
INSERT INTO sessions VALUES
  (1, 'core-test', 'Core strength test', 'test', 'standard', 'Three-minute form', 0,
   '{"routine":"core-test","form":"standard","level":0,"lead-in":10}',
   'completed', 1, 8, 180);
INSERT INTO session_stages VALUES
  (1, 1, 60, 60000, 0), (1, 2, 15, 15000, 0), (1, 3, 15, 15000, 0), (1, 4, 15, 15000, 0),
  (1, 5, 15, 15000, 0), (1, 6, 15, 15000, 0), (1, 7, 15, 15000, 0), (1, 8, 30, 30000, 0);

-- A day later: a core test whose app ended in the third stage.
INSERT INTO entries VALUES
  (2, '7d9e4f61-2a8b-4c5d-8e1f-0a2b3c4d5e6f', 'session', 1700086400, 1700086495, '');
INSERT INTO sessions VALUES
  (2, 'core-test', 'Core strength test', 'test', 'short', 'Short form', 5,
   '{"routine":"core-test","form":"short","level":5,"lead-in":10}',
   'in-progress', 1, 3, 110);
INSERT INTO session_stages VALUES
  (2, 1, 25, 25000, 0), (2, 2, 10, 10000, 0), (2, 3, 10, 4200, 0), (2, 4, 10, 0, 0),
  (2, 5, 10, 0, 0), (2, 6, 10, 0, 0), (2, 7, 10, 0, 0), (2, 8, 25, 0, 0);

-- Two days later: an assessment.
INSERT INTO entries VALUES
  (3, 'c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5', 'assessment', 1700172800, 1700172800, '');
INSERT INTO assessments VALUES
  (3, 1,
   '{"format":1,"red-flags":{"severe-pain":"no","numbness":"no","weakness":"no","fever":"no","trauma":"no"},"pain-patterns":[],"has-pain":"no","height-cm":178.0,"weight-kg":74.0,"tight-hamstrings":"yes","years-running":7.0}',
   '{"red-flags":[],"risks":["risk-tight-hamstrings","risk-running-over-six-years"],"advice":["advice-core-test","advice-strength","advice-hamstring-stretch"],"bmi":23.4,"core-test-form":"standard","core-test-level":10}',
   0);
