package org.masthead.newsroom.internal;

import org.masthead.newsroom.ImageProperties;
import org.masthead.newsroom.ImageStore;
import org.masthead.platform.DatabaseProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data directory keeps image files, unless the application declares an {@link ImageStore} of its own. */
@Configuration(proxyBeanMethods = false)
class ImageStorage {

    @Bean
    @ConditionalOnMissingBean(ImageStore.class)
    ImageStore dataDirectoryImageStore(ImageProperties images, DatabaseProperties data) {
        return new DataDirectoryImageStore(
                images.dir() != null ? images.dir() : data.dataDir().resolve("images"));
    }
}
