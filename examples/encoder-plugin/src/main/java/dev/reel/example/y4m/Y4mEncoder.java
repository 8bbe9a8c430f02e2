package dev.reel.example.y4m;

import dev.reel.api.Encoder;
import dev.reel.api.Picture;
import dev.reel.api.VideoFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a YUV4MPEG2 file: a one-line header, then for each frame {@code FRAME\n} and the Y, U and
 * V planes. The colour conversion runs in {@link #prepare} on reel's render threads, so the
 * encoding thread only copies bytes to the file.
 */
final class Y4mEncoder implements Encoder {
    private static final byte[] FRAME = "FRAME\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final int width;
    private final int height;
    private final int block; // 2 for 4:2:0 (one U and V per 2x2 pixels), 1 for 4:4:4
    private final int chromaWidth;
    private final int chromaHeight;

    Y4mEncoder(Path output, VideoFormat format, boolean subsampled) throws IOException {
        width = format.width();
        height = format.height();
        block = subsampled ? 2 : 1;
        chromaWidth = (width + block - 1) / block;
        chromaHeight = (height + block - 1) / block;
        out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
        String header = "YUV4MPEG2 W" + width + " H" + height + " F" + rate(format.fps()) + " Ip A1:1 "
                + (subsampled ? "C420jpeg" : "C444") + " XCOLORRANGE=LIMITED\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
    }

    /** The frame rate as the header's exact fraction: 60:1, 30000:1001 (29.97...), 24000:1000. */
    static String rate(double fps) {
        for (int den : new int[] {1, 1001, 1000}) {
            double num = fps * den;
            if (Math.abs(num - Math.rint(num)) < 1e-9 * num) {
                return (long) Math.rint(num) + ":" + den;
            }
        }
        return Math.round(fps * 1_000_000) + ":1000000";
    }

    @Override
    public void prepare(Picture picture, int frameIndex) {
        int size = width * height + 2 * chromaWidth * chromaHeight;
        byte[] yuv = picture.attachment() instanceof byte[] b && b.length == size ? b : new byte[size];
        convert(picture.rgb(), yuv);
        picture.attach(yuv);
    }

    @Override
    public void encode(Picture picture, int frameIndex) throws IOException {
        out.write(FRAME);
        out.write((byte[]) picture.attachment());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    @Override
    public void abort() {
        try {
            out.close();
        } catch (IOException e) {
            // The caller deletes the file anyway.
        }
    }

    /** BT.601 video range: Y in 16..235, U and V in 16..240, chroma averaged over each block. */
    private void convert(byte[] rgb, byte[] yuv) {
        for (int i = 0, n = width * height; i < n; i++) {
            int r = rgb[3 * i] & 0xff;
            int g = rgb[3 * i + 1] & 0xff;
            int b = rgb[3 * i + 2] & 0xff;
            yuv[i] = (byte) Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
        }
        int u = width * height;
        int v = u + chromaWidth * chromaHeight;
        for (int cy = 0; cy < chromaHeight; cy++) {
            for (int cx = 0; cx < chromaWidth; cx++) {
                double r = 0;
                double g = 0;
                double b = 0;
                int count = 0;
                for (int y = cy * block; y < Math.min(height, cy * block + block); y++) {
                    for (int x = cx * block; x < Math.min(width, cx * block + block); x++) {
                        int p = 3 * (y * width + x);
                        r += rgb[p] & 0xff;
                        g += rgb[p + 1] & 0xff;
                        b += rgb[p + 2] & 0xff;
                        count++;
                    }
                }
                r /= count;
                g /= count;
                b /= count;
                yuv[u++] = (byte) Math.round(128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255);
                yuv[v++] = (byte) Math.round(128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255);
            }
        }
    }
}
