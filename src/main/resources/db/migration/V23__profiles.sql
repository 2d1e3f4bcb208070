-- Readers' public profiles: when one last changed, and their pictures.

-- The Last-Modified of the public profile page.
ALTER TABLE account ADD COLUMN profile_updated_at TIMESTAMPTZ NOT NULL DEFAULT now();

-- Every upload gets a new number, never reused, so a new picture has a new address and no cache
-- anywhere can go on showing the old one.
CREATE SEQUENCE avatar_version;

-- A reader's picture as square JPEGs at the standard sizes. The uploaded file itself is never kept:
-- only pixels re-encoded by us, so nothing it carried (such as where a photo was taken) survives.
CREATE TABLE avatar
(
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    size       INT         NOT NULL CHECK (size > 0),
    version    BIGINT      NOT NULL,
    bytes      BYTEA       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, size)
);
