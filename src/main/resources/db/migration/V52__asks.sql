-- The ask under each article: up to two variants of its copy run at once, each reader's browser
-- keeping to one. Views and clicks are counted per variant and day; conversions are the contributions
-- whose ask_variant names the variant.
CREATE TABLE ask_variant
(
    code     TEXT    NOT NULL PRIMARY KEY CHECK (code IN ('A', 'B')),
    headline TEXT    NOT NULL,
    body     TEXT    NOT NULL,
    button   TEXT    NOT NULL,
    running  BOOLEAN NOT NULL DEFAULT TRUE
);

INSERT INTO ask_variant (code, headline, body, button)
VALUES ('A', 'Support independent journalism',
        'Our reporting is free for everyone to read, and paid for by readers like you. If you can, give what you can afford.',
        'Support us'),
       ('B', 'Keep this reporting free for everyone',
        'No paywall and no billionaire owner: readers fund this newsroom. A contribution of any size keeps it that way.',
        'Contribute');

CREATE TABLE ask_day
(
    code   TEXT   NOT NULL REFERENCES ask_variant (code),
    day    DATE   NOT NULL,
    views  BIGINT NOT NULL DEFAULT 0,
    clicks BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (code, day)
);

CREATE INDEX contribution_ask_variant ON contribution (ask_variant) WHERE ask_variant IS NOT NULL;
