package io.sandkernel.coreutils;

import java.nio.charset.StandardCharsets;

/** file(1)'s description of a JPEG: its JFIF or Exif header and the frame (precision, size, components). */
final class MagicJpeg {
    private MagicJpeg() {}

    static String describe(byte[] d, int n) {
        StringBuilder text = new StringBuilder("JPEG image data");
        int at = 2;
        while (at + 4 <= n && (d[at] & 0xff) == 0xff) {
            int marker = d[at + 1] & 0xff;
            int length = (d[at + 2] & 0xff) << 8 | (d[at + 3] & 0xff);
            int body = at + 4;
            if (marker == 0xe0 && body + 12 <= n && new String(d, body, 4, StandardCharsets.ISO_8859_1).equals("JFIF")) {
                int units = d[body + 7] & 0xff;
                int x = (d[body + 8] & 0xff) << 8 | (d[body + 9] & 0xff);
                int y = (d[body + 10] & 0xff) << 8 | (d[body + 11] & 0xff);
                text.append(", JFIF standard ").append(d[body + 5] & 0xff).append('.')
                        .append(String.format("%02d", d[body + 6] & 0xff))
                        .append(units == 0 ? ", aspect ratio" : units == 1 ? ", resolution (DPI)" : ", resolution (DPCM)")
                        .append(", density ").append(x).append('x').append(y)
                        .append(", segment length ").append(length);
            } else if (marker == 0xe1 && body + 4 <= n && new String(d, body, 4, StandardCharsets.ISO_8859_1).equals("Exif")) {
                text.append(", Exif standard: [TIFF image data]");
            } else if ((marker == 0xc0 || marker == 0xc1 || marker == 0xc2) && body + 6 <= n) {
                int height = (d[body + 1] & 0xff) << 8 | (d[body + 2] & 0xff);
                int width = (d[body + 3] & 0xff) << 8 | (d[body + 4] & 0xff);
                text.append(marker == 0xc2 ? ", progressive" : marker == 0xc1 ? ", extended sequential" : ", baseline")
                        .append(", precision ").append(d[body] & 0xff)
                        .append(", ").append(width).append('x').append(height)
                        .append(", components ").append(d[body + 5] & 0xff);
                break;
            }
            if (length < 2 || marker == 0xda) {
                break;
            }
            at += 2 + length;
        }
        return text.toString();
    }
}
