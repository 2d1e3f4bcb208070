package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.StartupSettings.bind;
import static org.masthead.StartupSettings.refusal;

import org.junit.jupiter.api.Test;

/** A quality the encoder refuses stops the start by name, not every new picture with a 500. */
class ImagePropertiesTest {

    @Test
    void aQualityOutsideZeroToOneIsRefusedAtStartNamingTheSettingAndItsRange() {
        refusal(ImageProperties.class, "masthead.images", "masthead.images.jpeg-quality=2")
                .hasMessage("masthead.images.jpeg-quality must be between 0 and 1, not 2.0");
        refusal(ImageProperties.class, "masthead.images", "masthead.images.jpeg-quality=1.5")
                .hasMessage("masthead.images.jpeg-quality must be between 0 and 1, not 1.5");
        refusal(ImageProperties.class, "masthead.images", "masthead.images.jpeg-quality=-0.1")
                .hasMessageContaining("masthead.images.jpeg-quality must be between 0 and 1");
        refusal(ImageProperties.class, "masthead.images", "masthead.images.webp-quality=1.5")
                .hasMessage("masthead.images.webp-quality must be between 0 and 1, not 1.5");
    }

    @Test
    void qualitiesAtEitherEndAreTaken() {
        ImageProperties ends = bind(
                ImageProperties.class,
                "masthead.images",
                "masthead.images.jpeg-quality=0",
                "masthead.images.webp-quality=1");
        assertThat(ends.jpegQuality()).isZero();
        assertThat(ends.webpQuality()).isEqualTo(1);
    }

    @Test
    void noRenderersIsRefusedAtStartRatherThanLeavingEveryNewPictureWaiting() {
        refusal(ImageProperties.class, "masthead.images", "masthead.images.renderers=0")
                .hasMessage("masthead.images.renderers must be at least 1, not 0");
    }
}
