-- The newsroom's image library: each image's focal point, who uploaded it, and a search over its words.
-- The files themselves (a master per image, renditions made from it) live in the image store, not here.

ALTER TABLE image
    ADD COLUMN focal_x     REAL   NOT NULL DEFAULT 0.5 CHECK (focal_x BETWEEN 0 AND 1),
    ADD COLUMN focal_y     REAL   NOT NULL DEFAULT 0.5 CHECK (focal_y BETWEEN 0 AND 1),
    -- An account in the accounts module; no foreign key across modules. Null for images the system made.
    ADD COLUMN uploaded_by BIGINT,
    -- Words split where the library's search box splits them (at anything but letters and digits), so that
    -- "A-road" or "817-5" are found by their parts, as typed.
    ADD COLUMN search      TSVECTOR GENERATED ALWAYS AS
        (to_tsvector('simple'::regconfig,
                     regexp_replace(alt_text || ' ' || caption || ' ' || credit, '[^[:alnum:]]+', ' ', 'g'))) STORED;

CREATE INDEX image_search ON image USING GIN (search);
