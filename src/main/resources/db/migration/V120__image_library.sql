-- The newsroom's image library: each image's focal point, who uploaded it, and a search over its words.
-- The files themselves (a master per image, renditions made from it) live in the image store, not here.

ALTER TABLE image
    ADD COLUMN focal_x     REAL   NOT NULL DEFAULT 0.5 CHECK (focal_x BETWEEN 0 AND 1),
    ADD COLUMN focal_y     REAL   NOT NULL DEFAULT 0.5 CHECK (focal_y BETWEEN 0 AND 1),
    -- An account in the accounts module; no foreign key across modules. Null for images the system made.
    ADD COLUMN uploaded_by BIGINT,
    ADD COLUMN search      TSVECTOR GENERATED ALWAYS AS
        (to_tsvector('simple'::regconfig, alt_text || ' ' || caption || ' ' || credit)) STORED;

CREATE INDEX image_search ON image USING GIN (search);
