-- Photos attached to something private (a private problem report, its resolution) (SQLite):
-- served only to their uploader, to those who handle such things (staff, the property
-- company, the street office) and to the readers named here; other images stay visible to
-- the whole community.

ALTER TABLE uploads ADD COLUMN private BIGINT NOT NULL DEFAULT 0;

CREATE TABLE upload_readers (
    upload_id  BIGINT  NOT NULL REFERENCES uploads (id),
    user_id    BIGINT  NOT NULL REFERENCES users (id),
    PRIMARY KEY (upload_id, user_id)
);
