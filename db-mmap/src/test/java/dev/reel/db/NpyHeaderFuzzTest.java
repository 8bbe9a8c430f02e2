package dev.reel.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates valid headers at random (fixed seed) and checks that every result is either a header
 * or an NpyFormatException: no other exception, no hang. The time limit only guards against a
 * hang; the loops take well under a second.
 */
class NpyHeaderFuzzTest {
    private static final long SEED = 0x5EED_2025_0001L;
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    /** Characters that steer mutants into the parser's deeper states. */
    private static final byte[] GRAMMAR = "{}()[]'\":,-_ 0123456789TrueFalsNonedscrhapLx\n\t\\\u00e9"
            .getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    private static List<byte[]> seeds() {
        return List.of(
                file(NpyWriter.header(1, "<f4", false, 2, 3), 24),
                file(NpyWriter.header(1, "|u1", false, 4, 5, 3), 60),
                file(NpyWriter.header(1, "|b1", false, 7), 7),
                file(NpyWriter.header(1, "<f8", false), 8),
                file(NpyWriter.header(1, ">f4", false, 0, 9), 0),
                file(NpyWriter.header(2, "<i4", false, 3, 1), 12),
                file(NpyWriter.header(3, "<f4", false, 1, 1, 1, 2), 8),
                file(NpyWriter.wrap(1, "{\"shape\": (2, 2,), \"descr\": \"<u1\", \"fortran_order\": False}"), 4),
                file(NpyWriter.wrap(1, "{'descr':'|u1','fortran_order':False,'shape':(3,)}"), 3));
    }

    @Test
    void mutatedHeadersParseOrFailWithNpyFormatExceptionOnly() {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        int[] accepted = {0};
        int[] rejected = {0};

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int i = 0; i < 20_000; i++) {
                byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
                try {
                    NpyHeader header = NpyHeader.parse("fuzz.npy", ByteBuffer.wrap(mutant), mutant.length);
                    assertTrue(header.dataOffset() + header.dataLength() <= mutant.length, header::toString);
                    accepted[0]++;
                } catch (NpyFormatException e) {
                    assertTrue(e.getMessage().startsWith("fuzz.npy: "), e.getMessage());
                    assertFalse(e.getMessage().contains("\n"), e.getMessage());
                    rejected[0]++;
                } catch (RuntimeException e) {
                    fail("mutant " + i + " threw " + e + ": " + HexFormat.of().formatHex(mutant), e);
                }
            }
        });

        // Both outcomes are common, so the mutants reach past the first checks.
        assertTrue(accepted[0] > 200, "accepted " + accepted[0]);
        assertTrue(rejected[0] > 15_000, "rejected " + rejected[0]);
    }

    @Test
    void mutatedFilesReadOrFailWithNpyFormatExceptionOnly() {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED + 1);
        Path file = dir.resolve("fuzz.npy");
        int[] accepted = {0};
        int[] rejected = {0};

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int i = 0; i < 500; i++) {
                byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
                Files.write(file, mutant);
                try {
                    NpyHeader.read(file);
                    accepted[0]++;
                } catch (NpyFormatException e) {
                    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
                    rejected[0]++;
                } catch (IOException | RuntimeException e) {
                    fail("mutant " + i + " threw " + e + ": " + HexFormat.of().formatHex(mutant), e);
                }
            }
        });

        assertTrue(accepted[0] > 0 && rejected[0] > 400, "accepted " + accepted[0] + ", rejected " + rejected[0]);
    }

    /** One to three random edits; most land in the header, where the parsing happens. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            bytes = edit(bytes, random);
        }
        return bytes;
    }

    private static byte[] edit(byte[] bytes, Random random) {
        int span = random.nextInt(8) == 0 ? bytes.length : Math.min(bytes.length, 140); // mostly the header
        int at = span == 0 ? 0 : random.nextInt(span);
        switch (random.nextInt(11)) {
            case 0 -> { // flip a bit
                if (bytes.length > 0) {
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> { // any byte value
                if (bytes.length > 0) {
                    bytes[at] = (byte) random.nextInt(256);
                }
            }
            case 2 -> { // a character of the dict grammar
                if (bytes.length > 0) {
                    bytes[at] = GRAMMAR[random.nextInt(GRAMMAR.length)];
                }
            }
            case 3 -> bytes = Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1));
            case 4 -> bytes = insert(bytes, at, randomBytes(random, 1 + random.nextInt(8)));
            case 5 -> { // delete a run
                int length = Math.min(bytes.length - at, 1 + random.nextInt(8));
                byte[] shorter = new byte[bytes.length - length];
                System.arraycopy(bytes, 0, shorter, 0, at);
                System.arraycopy(bytes, at + length, shorter, at, bytes.length - at - length);
                bytes = shorter;
            }
            case 6 -> setHeaderLength(bytes, random);
            case 7 -> { // version bytes
                if (bytes.length > 7) {
                    bytes[6] = (byte) random.nextInt(5);
                    bytes[7] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 0);
                }
            }
            case 8 -> { // pure noise, half of it behind the magic
                byte[] noise = randomBytes(random, random.nextInt(300));
                bytes = random.nextBoolean() ? insert(noise, 0, NpyWriter.MAGIC) : noise;
            }
            case 9 -> bytes = insert(bytes, at, "9999999999".getBytes(StandardCharsets.US_ASCII));
            default -> { // copy a run of the file elsewhere, duplicating tokens
                if (bytes.length > 1) {
                    int from = random.nextInt(bytes.length);
                    int length = Math.min(bytes.length - from, 1 + random.nextInt(16));
                    byte[] run = Arrays.copyOfRange(bytes, from, from + length);
                    bytes = insert(bytes, at, run);
                }
            }
        }
        return bytes;
    }

    /** Random header length fields: nearby values, any 16-bit value, any 32-bit value. */
    private static void setHeaderLength(byte[] bytes, Random random) {
        if (bytes.length < 12) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean wide = bytes[6] == 2 || bytes[6] == 3;
        long current = wide ? Integer.toUnsignedLong(buffer.getInt(8)) : Short.toUnsignedInt(buffer.getShort(8));
        long value = switch (random.nextInt(3)) {
            case 0 -> current + random.nextInt(129) - 64;
            case 1 -> random.nextInt(1 << 16);
            default -> random.nextInt();
        };
        if (wide) {
            buffer.putInt(8, (int) value);
        } else {
            buffer.putShort(8, (short) value);
        }
    }

    private static byte[] file(byte[] prefix, int dataLength) {
        return Arrays.copyOf(prefix, prefix.length + dataLength);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] longer = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, longer, 0, at);
        System.arraycopy(inserted, 0, longer, at, inserted.length);
        System.arraycopy(bytes, at, longer, at + inserted.length, bytes.length - at);
        return longer;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        if (random.nextBoolean()) {
            random.nextBytes(bytes);
        } else {
            for (int i = 0; i < length; i++) {
                bytes[i] = GRAMMAR[random.nextInt(GRAMMAR.length)];
            }
        }
        return bytes;
    }
}
