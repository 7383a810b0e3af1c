-- The assembly lines a daemon holds (issue 5): uploaded YAML files, or a path on the node that is
-- read at each use. Kept in the store so a restarted daemon still has them.
CREATE TABLE line_source (
  name VARCHAR(200) NOT NULL PRIMARY KEY,
  path VARCHAR(4000),
  files CLOB,
  updated_at TIMESTAMP NOT NULL
);
