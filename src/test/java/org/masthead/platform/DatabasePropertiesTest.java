package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabasePropertiesTest {

    @Test
    void aUrlAsPostgresToolsWriteItIsRefusedAtStartNamingTheSettingAndTheFormItNeeds() {
        assertThatThrownBy(() -> new DatabaseProperties.Db(
                        "postgres://masthead:secret@127.0.0.1:5433/masthead", "masthead", "secret", null, null))
                .hasMessageContaining("MASTHEAD_DB_URL")
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new DatabaseProperties.Db(
                        "jdbc:postgresql://127.0.0.1/masthead", "masthead", "", null, "127.0.0.1:5434/masthead"))
                .hasMessageContaining("masthead.db.replica-url");
    }

    @Test
    void aJdbcUrlIsTaken() {
        assertThat(new DatabaseProperties.Db("jdbc:postgresql://127.0.0.1:5433/masthead", "m", "p", null, null)
                        .isExternal())
                .isTrue();
    }
}
