-- The branch and tag heads shiprun last saw in a gitRepo's repository: a head that moved is a
-- commit (a new version); a tag that appeared is a tag push (spec §1.4, §3.7 gitRepo).
CREATE TABLE git_ref (
  line VARCHAR(200) NOT NULL,
  resource VARCHAR(200) NOT NULL,
  ref VARCHAR(1000) NOT NULL,
  sha VARCHAR(64) NOT NULL,
  CONSTRAINT git_ref_key PRIMARY KEY (line, resource, ref)
);
