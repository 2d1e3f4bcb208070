package org.masthead.platform.internal;

/**
 * Which way up a JPEG is meant to be shown. Cameras store pixels as the sensor saw them and record
 * the turn in EXIF; since we keep only pixels, we must make the turn ourselves or a portrait photo
 * ends up on its side.
 */
public final class ExifOrientation {

    /** As stored: no turn or mirror. */
    public static final int NORMAL = 1;

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {}

    /** The EXIF orientation (1 to 8) of a JPEG file; {@link #NORMAL} when it has none or it cannot be read. */
    public static int of(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return NORMAL;
        }
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = unsigned16(jpeg, at + 2, true);
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                // Image data starts (or the file ends): metadata comes before it.
                return NORMAL;
            }
            int segment = at + 4;
            if (marker == 0xE1 && startsWithExifHeader(jpeg, segment, length - 2)) {
                return fromTiff(jpeg, segment + 6, segment + length - 2);
            }
            at += 2 + length;
        }
        return NORMAL;
    }

    private static boolean startsWithExifHeader(byte[] bytes, int at, int length) {
        return length >= 14
                && at + 6 <= bytes.length
                && bytes[at] == 'E'
                && bytes[at + 1] == 'x'
                && bytes[at + 2] == 'i'
                && bytes[at + 3] == 'f'
                && bytes[at + 4] == 0
                && bytes[at + 5] == 0;
    }

    // A TIFF header, then the first directory of tags: all we need is one tag in it.
    private static int fromTiff(byte[] bytes, int tiff, int end) {
        end = Math.min(end, bytes.length);
        if (tiff + 8 > end) {
            return NORMAL;
        }
        boolean bigEndian;
        if (bytes[tiff] == 'M' && bytes[tiff + 1] == 'M') {
            bigEndian = true;
        } else if (bytes[tiff] == 'I' && bytes[tiff + 1] == 'I') {
            bigEndian = false;
        } else {
            return NORMAL;
        }
        long directoryOffset = unsigned32(bytes, tiff + 4, bigEndian);
        if (directoryOffset < 8 || tiff + directoryOffset + 2 > end) {
            return NORMAL;
        }
        int directory = tiff + (int) directoryOffset;
        int entries = unsigned16(bytes, directory, bigEndian);
        for (int i = 0; i < entries; i++) {
            int entry = directory + 2 + i * 12;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (unsigned16(bytes, entry, bigEndian) == ORIENTATION_TAG) {
                int value = unsigned16(bytes, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int unsigned16(byte[] bytes, int at, boolean bigEndian) {
        int first = bytes[at] & 0xFF;
        int second = bytes[at + 1] & 0xFF;
        return bigEndian ? first << 8 | second : second << 8 | first;
    }

    private static long unsigned32(byte[] bytes, int at, boolean bigEndian) {
        long high = unsigned16(bytes, bigEndian ? at : at + 2, bigEndian);
        long low = unsigned16(bytes, bigEndian ? at + 2 : at, bigEndian);
        return high << 16 | low;
    }

    /** Orientations 5 to 8 turn the picture a quarter: its width and height change places. */
    public static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /**
     * The picture as it is meant to be seen: where each shown pixel comes from in the stored one. The
     * shown picture is {@code height} wide and {@code width} high when {@link #swapsSides} says so.
     */
    public static int[] upright(int[] pixels, int width, int height, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return pixels;
        }
        int shownWidth = swapsSides(orientation) ? height : width;
        int shownHeight = swapsSides(orientation) ? width : height;
        int[] shown = new int[pixels.length];
        for (int y = 0; y < shownHeight; y++) {
            for (int x = 0; x < shownWidth; x++) {
                int from =
                        switch (orientation) {
                            case 2 -> y * width + (width - 1 - x); // mirrored left to right
                            case 3 -> (height - 1 - y) * width + (width - 1 - x); // upside down
                            case 4 -> (height - 1 - y) * width + x; // mirrored top to bottom
                            case 5 -> x * width + y; // mirrored along the diagonal
                            case 6 -> (height - 1 - x) * width + y; // to be turned a quarter clockwise
                            case 7 -> (height - 1 - x) * width + (width - 1 - y); // mirrored along the other diagonal
                            default -> x * width + (width - 1 - y); // 8: to be turned a quarter anticlockwise
                        };
                shown[y * shownWidth + x] = pixels[from];
            }
        }
        return shown;
    }
}
