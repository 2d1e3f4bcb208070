-- Sign-in links sent by e-mail (Spring Security's JdbcOneTimeTokenService). Unlike its shipped
-- schema, usernames here are e-mail addresses, which may be up to 254 characters long.
CREATE TABLE one_time_tokens
(
    token_value VARCHAR(36) NOT NULL PRIMARY KEY,
    username    TEXT        NOT NULL,
    expires_at  TIMESTAMP   NOT NULL
);
