package org.masthead.newsroom;

import java.util.ArrayList;
import java.util.List;

/**
 * An image as a page shows it: what it depicts, who made it, how large it is, and the point crops
 * stay centred on.
 *
 * @param width the upright picture's width in pixels, as kept (never more than {@link #MAX_WIDTH})
 * @param focalX how far across the picture its focal point lies, from 0 (left edge) to 1 (right edge)
 * @param focalY how far down, from 0 (top) to 1 (bottom)
 */
public record ImageRef(
        long id, int width, int height, String altText, String caption, String credit, double focalX, double focalY) {

    /** Widths offered in srcset; an image is never enlarged past its own width. */
    public static final List<Integer> STANDARD_WIDTHS = List.of(240, 320, 480, 640, 800, 960, 1280, 1600);

    /** The widest an image is kept at: the widest rendition. */
    public static final int MAX_WIDTH = 1600;

    /**
     * The widths, ascending, at which this image is served: the standard ones it is at least as wide as,
     * and its own width, so that none of it goes to waste.
     */
    public List<Integer> widths() {
        List<Integer> widths =
                new ArrayList<>(STANDARD_WIDTHS.stream().filter(w -> w < width).toList());
        widths.add(width);
        return List.copyOf(widths);
    }

    public int largestWidth() {
        return widths().getLast();
    }

    /** The height of a rendition of this width, in this crop. */
    public int heightAt(ImageCrop crop, int renditionWidth) {
        if (crop == ImageCrop.ORIGINAL) {
            return Math.max(1, Math.round((float) renditionWidth * height / width));
        }
        return Math.max(1, renditionWidth * crop.heightRatio() / crop.widthRatio());
    }

    /** Whether a rendition of this width is one we make. */
    public boolean offers(int renditionWidth) {
        return widths().contains(renditionWidth);
    }

    /** Where a rendition is served: {@code /media/12/640.webp}, or {@code /media/12/16x9/640.jpg} for a crop. */
    public String address(ImageCrop crop, int renditionWidth, ImageFormat format) {
        String shape = crop == ImageCrop.ORIGINAL ? "" : crop.path() + "/";
        return "/media/" + id + "/" + shape + renditionWidth + "." + format.extension();
    }

    /** A srcset listing every width the image is served at, in a shape and a format. */
    public String srcset(ImageCrop crop, ImageFormat format) {
        StringBuilder srcset = new StringBuilder();
        for (int w : widths()) {
            if (!srcset.isEmpty()) {
                srcset.append(", ");
            }
            srcset.append(address(crop, w, format)).append(' ').append(w).append('w');
        }
        return srcset.toString();
    }

    /** The narrowest width served that is at least this wide; else the widest. */
    public int widthAtLeast(int wanted) {
        return widths().stream().filter(w -> w >= wanted).findFirst().orElse(largestWidth());
    }
}
