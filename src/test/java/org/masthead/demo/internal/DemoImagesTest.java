package org.masthead.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoImagesTest {

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyThemeDrawsADecodablePictureOfTheRequestedSize(Theme theme) throws IOException {
        BufferedImage image = decode(DemoImages.illustration(theme, "police-headquarters-attacked", 1280, 720));

        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(720);
        assertThat(distinctColours(image)).as("a picture, not a flat fill").isGreaterThan(50);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void otherSizesAreDrawnToo(Theme theme) throws IOException {
        BufferedImage image = decode(DemoImages.illustration(theme, "x", 1600, 900));

        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(900);
    }

    @Test
    void theSameSlugAlwaysGivesTheSamePictureAndAnotherSlugAnother() {
        byte[] first = DemoImages.illustration(Theme.SKYLINE, "a", 1280, 720);

        assertThat(DemoImages.illustration(Theme.SKYLINE, "a", 1280, 720)).isEqualTo(first);
        assertThat(DemoImages.illustration(Theme.SKYLINE, "b", 1280, 720)).isNotEqualTo(first);
    }

    @Test
    void portraitsAreSquareAndDifferByAuthor() throws IOException {
        byte[] bytes = DemoImages.portrait("helen-marchetti", 640);
        BufferedImage portrait = decode(bytes);

        assertThat(portrait.getWidth()).isEqualTo(640);
        assertThat(portrait.getHeight()).isEqualTo(640);
        assertThat(DemoImages.portrait("daniel-hollis", 640)).isNotEqualTo(bytes);
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("decodable").isNotNull();
        return image;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y) & 0xf0f0f0);
            }
        }
        return colours.size();
    }
}
