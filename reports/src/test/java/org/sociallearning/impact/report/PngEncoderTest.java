package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

  @Test
  void aDecoderReadsBackEveryPixel() throws Exception {
    BufferedImage image = new BufferedImage(301, 97, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 301, 97);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setStroke(new BasicStroke(1.7f));
    g.setColor(new Color(0x1f77b4));
    g.drawLine(3, 90, 290, 5);
    g.dispose();
    // Noise in one corner: every byte difference between rows, negative ones included.
    Random random = new Random(7);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 40; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }

    byte[] png = PngEncoder.encode(image);
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));

    assertEquals(301, read.getWidth());
    assertEquals(97, read.getHeight());
    for (int y = 0; y < 97; y++) {
      for (int x = 0; x < 301; x++) {
        assertEquals(
            image.getRGB(x, y) & 0xffffff, read.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
      }
    }
    assertTrue(png.length < 301 * 97 * 3 / 4, "a chart compresses: " + png.length + " bytes");
  }

  @Test
  void onlyWholeOpaqueRgbImagesAreTaken() {
    BufferedImage withAlpha = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
    assertThrows(IllegalArgumentException.class, () -> PngEncoder.encode(withAlpha));
    BufferedImage view =
        new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB).getSubimage(2, 2, 4, 4);
    assertThrows(IllegalArgumentException.class, () -> PngEncoder.encode(view));
  }
}
