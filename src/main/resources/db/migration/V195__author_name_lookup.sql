-- Registration and display-name changes ask whether a name is an author's byline, whatever its case.
CREATE INDEX author_name_lower ON author (lower(name));
