package org.sociallearning.impact.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an opaque chart image as a PNG (8-bit RGB, not interlaced). The general-purpose image
 * writer reads the picture pixel by pixel, tries five filters on every row and checksums in Java;
 * for charts (large flat areas, thin lines) one filter per image does as well, and the whole write
 * took a quarter of the time the report spent on its charts. Each row is stored with the "up"
 * filter (the difference to the row above), which turns the flat areas and vertical edges of a
 * chart into zeros the compressor packs tightly.
 */
final class PngEncoder {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private static final byte FILTER_UP = 2;

  private PngEncoder() {}

  /** The PNG bytes of an image of type {@link BufferedImage#TYPE_INT_RGB}. */
  static byte[] encode(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException(
          "expected an opaque RGB image, got type " + image.getType());
    }
    int width = image.getWidth();
    int height = image.getHeight();
    // The pixels are read straight from the image's array: row after row of exactly its width.
    if (image.getRaster().getParent() != null
        || !(image.getSampleModel() instanceof SinglePixelPackedSampleModel packed)
        || packed.getScanlineStride() != width) {
      throw new IllegalArgumentException("expected a whole image, not a view of a larger one");
    }
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 4 + 1024);
    out.writeBytes(SIGNATURE);
    chunk(
        out,
        "IHDR",
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put((byte) 8) // bits per sample
            .put((byte) 2) // colour type: RGB
            .put((byte) 0) // deflate
            .put((byte) 0) // adaptive filtering, one filter byte per row
            .put((byte) 0) // not interlaced
            .array());
    chunk(out, "IDAT", compressedRows(pixels, width, height));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static byte[] compressedRows(int[] pixels, int width, int height) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 8 + 1024);
    byte[] row = new byte[1 + 3 * width];
    byte[] previous = new byte[3 * width];
    byte[] current = new byte[3 * width];
    byte[] buffer = new byte[64 * 1024];
    try {
      for (int y = 0; y < height; y++) {
        for (int x = 0, i = y * width; x < width; x++, i++) {
          int rgb = pixels[i];
          current[3 * x] = (byte) (rgb >>> 16);
          current[3 * x + 1] = (byte) (rgb >>> 8);
          current[3 * x + 2] = (byte) rgb;
        }
        row[0] = FILTER_UP;
        for (int k = 0; k < current.length; k++) {
          row[k + 1] = (byte) (current[k] - previous[k]);
        }
        deflater.setInput(row);
        while (!deflater.needsInput()) {
          out.write(buffer, 0, deflater.deflate(buffer));
        }
        byte[] swap = previous;
        previous = current;
        current = swap;
      }
      deflater.finish();
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
