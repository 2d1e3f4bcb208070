package org.masthead.newsroom.internal;

import java.io.ByteArrayInputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.imageio.ImageIO;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.masthead.newsroom.ImageStore;
import org.springframework.stereotype.Component;

/**
 * Images used to be kept as renditions in the database. Their widest rendition becomes the master in the
 * {@link ImageStore}, from which every rendition is now made, and the table goes.
 */
@Component
class RenditionsIntoTheStore implements JavaMigration {

    private final ImageStore store;

    RenditionsIntoTheStore(ImageStore store) {
        this.store = store;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("121");
    }

    @Override
    public String getDescription() {
        return "image masters into the store";
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement select = context.getConnection().createStatement();
                ResultSet widest = select.executeQuery(
                        """
                        SELECT DISTINCT ON (image_id) image_id, bytes FROM image_rendition
                        ORDER BY image_id, width DESC""");
                PreparedStatement size = context.getConnection()
                        .prepareStatement("UPDATE image SET width = ?, height = ? WHERE id = ?")) {
            while (widest.next()) {
                long id = widest.getLong("image_id");
                byte[] bytes = widest.getBytes("bytes");
                var picture = ImageIO.read(new ByteArrayInputStream(bytes));
                if (picture == null) {
                    continue;
                }
                store.write(Renditions.masterKey(id), bytes);
                size.setInt(1, picture.getWidth());
                size.setInt(2, picture.getHeight());
                size.setLong(3, id);
                size.executeUpdate();
            }
        }
        try (Statement drop = context.getConnection().createStatement()) {
            drop.execute("DROP TABLE image_rendition");
        }
    }
}
