package dev.reel.app;

import dev.reel.db.PostdbWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Computes the demo's fractal databases with the geometry fractalshades uses
 * (fractalshades-format.md, sections 1 and 4), so that reel's own sources draw them exactly as
 * fractalshades' files: a flat picture for a camera pan, and an exponential map with its final
 * image for a deep zoom, coloured by any {@link PointColour} (the demo's {@link Mandelbrot}).
 * Rows are computed in parallel on the common fork-join pool.
 */
final class DemoDatabases {
    private DemoDatabases() {
    }

    /**
     * A flat RGBA picture of {@code columns} x {@code rows} pixels centred on (cr, ci), {@code width}
     * wide between the first and last pixel centres, up = +imaginary.
     */
    static void flat(Path file, PointColour colour, int columns, int rows, double cr, double ci, double width)
            throws IOException {
        double ratio = (double) columns / rows;
        write(file, colour, rows, columns, (i, j) -> new double[] {
            cr + width * ((double) i / (columns - 1) - 0.5),
            ci + width * (0.5 - (double) j / (rows - 1)) / ratio});
    }

    /**
     * The exponential map of {@code nt} angle columns around (cr, ci): row j at radius
     * {@code radius·e^(H·j/(rows-1))} with rows = int(nt·H/2π + 0.5), column m at angle
     * -π + 2π·m/(nt-1).
     *
     * @return the number of rows
     */
    static int expmap(Path file, PointColour colour, int nt, double bigH, double cr, double ci, double radius)
            throws IOException {
        int rows = (int) (nt * bigH / (2 * Math.PI) + 0.5);
        write(file, colour, rows, nt, (m, j) -> {
            double r = radius * Math.exp(bigH * j / (rows - 1));
            double angle = -Math.PI + 2 * Math.PI * m / (nt - 1);
            return new double[] {cr + r * Math.cos(angle), ci + r * Math.sin(angle)};
        });
        return rows;
    }

    /** The square final image of an exponential map: {@code 2·radius} wide, {@code n} x {@code n}. */
    static void finalImage(Path file, PointColour colour, int n, double cr, double ci, double radius) throws IOException {
        flat(file, colour, n, n, cr, ci, 2 * radius);
    }

    /** The colour of a point of the complex plane, as 0xRRGGBB; called from several threads. */
    interface PointColour {
        int rgb(double re, double im);
    }

    private interface Point {
        double[] at(int column, int row);
    }

    private static void write(Path file, PointColour colour, int rows, int columns, Point point) throws IOException {
        try (PostdbWriter out = PostdbWriter.create(file, rows, columns, 4)) {
            IntStream.range(0, rows).parallel().forEach(j -> {
                byte[] row = new byte[columns * 4];
                for (int i = 0, o = 0; i < columns; i++) {
                    double[] c = point.at(i, j);
                    int rgb = colour.rgb(c[0], c[1]);
                    row[o++] = (byte) (rgb >> 16);
                    row[o++] = (byte) (rgb >> 8);
                    row[o++] = (byte) rgb;
                    row[o++] = (byte) 255;
                }
                try {
                    out.writeRows(j, 1, row, 0);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
