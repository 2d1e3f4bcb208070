package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.masthead.platform.TestPictures;

class ExifOrientationTest {

    static final BufferedImage PHOTO = TestPictures.halves(40, 30, BufferedImage.TYPE_INT_RGB);

    @Test
    void orientationIsReadFromTheCamerasExif() {
        for (int orientation = 1; orientation <= 8; orientation++) {
            assertThat(ExifOrientation.of(TestPictures.jpegWithExif(PHOTO, orientation, "A photo")))
                    .isEqualTo(orientation);
        }
    }

    @Test
    void picturesWithoutExifOrWithBrokenExifAreShownAsStored() {
        byte[] withExif = TestPictures.jpegWithExif(PHOTO, 6, "A photo");

        assertThat(ExifOrientation.of(TestPictures.encode(PHOTO, "jpg"))).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.of(TestPictures.encode(PHOTO, "png"))).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.of(Arrays.copyOf(withExif, 30))).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.of(new byte[0])).isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void squareIsTurnedAndMirroredAsEachOrientationSays() {
        // 1 2
        // 3 4
        int[] stored = {1, 2, 3, 4};

        assertThat(ExifOrientation.upright(stored, 2, 2, 1)).containsExactly(1, 2, 3, 4);
        assertThat(ExifOrientation.upright(stored, 2, 2, 2)).containsExactly(2, 1, 4, 3);
        assertThat(ExifOrientation.upright(stored, 2, 2, 3)).containsExactly(4, 3, 2, 1);
        assertThat(ExifOrientation.upright(stored, 2, 2, 4)).containsExactly(3, 4, 1, 2);
        assertThat(ExifOrientation.upright(stored, 2, 2, 5)).containsExactly(1, 3, 2, 4);
        assertThat(ExifOrientation.upright(stored, 2, 2, 6)).containsExactly(3, 1, 4, 2);
        assertThat(ExifOrientation.upright(stored, 2, 2, 7)).containsExactly(4, 2, 3, 1);
        assertThat(ExifOrientation.upright(stored, 2, 2, 8)).containsExactly(2, 4, 1, 3);
    }

    @Test
    void landscapeTurnedAQuarterBecomesPortrait() {
        // 1 2 3
        // 4 5 6
        int[] stored = {1, 2, 3, 4, 5, 6};

        assertThat(ExifOrientation.upright(stored, 3, 2, 6)).containsExactly(4, 1, 5, 2, 6, 3);
        assertThat(ExifOrientation.upright(stored, 3, 2, 8)).containsExactly(3, 6, 2, 5, 1, 4);
        assertThat(ExifOrientation.upright(stored, 3, 2, 3)).containsExactly(6, 5, 4, 3, 2, 1);
    }
}
