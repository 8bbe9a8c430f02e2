package dev.reel.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/** An in-memory encoder that records what it was given, in which order, and on which threads. */
class RecordingEncoder implements Encoder {
    final List<Integer> indices = Collections.synchronizedList(new ArrayList<>());
    final List<Long> checksums = Collections.synchronizedList(new ArrayList<>());
    final Set<Picture> pictures = Collections.newSetFromMap(new IdentityHashMap<>());
    final Set<String> prepareThreads = ConcurrentHashMap.newKeySet();
    final Set<String> encodeThreads = ConcurrentHashMap.newKeySet();
    final AtomicInteger prepared = new AtomicInteger();
    final AtomicInteger attachmentsCreated = new AtomicInteger();
    volatile boolean closed;
    volatile boolean aborted;
    volatile int failEncodeAt = -1;
    volatile int failPrepareAt = -1;
    volatile boolean failClose;
    volatile String orderError;

    /** The CRC of a picture's pixels: what a real encoder would see. */
    static long crc(Picture p) {
        CRC32 crc = new CRC32();
        crc.update(p.rgb());
        return crc.getValue();
    }

    @Override
    public void prepare(Picture picture, int frameIndex) throws IOException {
        prepareThreads.add(Thread.currentThread().getName());
        if (frameIndex == failPrepareAt) {
            throw new IOException("prepare failed on purpose");
        }
        if (picture.attachment() == null) {
            picture.attach(new long[1]);
            attachmentsCreated.incrementAndGet();
        }
        ((long[]) picture.attachment())[0] = crc(picture);
        prepared.incrementAndGet();
    }

    @Override
    public void encode(Picture picture, int frameIndex) throws IOException {
        encodeThreads.add(Thread.currentThread().getName());
        if (frameIndex == failEncodeAt) {
            throw new IOException("disk full on purpose");
        }
        if (!indices.isEmpty() && indices.get(indices.size() - 1) != frameIndex - 1) {
            orderError = "frame " + frameIndex + " after " + indices.get(indices.size() - 1);
        }
        long crc = crc(picture);
        if (((long[]) picture.attachment())[0] != crc) {
            orderError = "frame " + frameIndex + " changed between prepare and encode";
        }
        indices.add(frameIndex);
        checksums.add(crc);
        synchronized (pictures) {
            pictures.add(picture);
        }
        if (closed || aborted) {
            orderError = "encode after close or abort";
        }
    }

    @Override
    public void close() throws IOException {
        if (closed || aborted) {
            orderError = "close twice or after abort";
        }
        if (failClose) {
            throw new IOException("could not write the index on purpose");
        }
        closed = true;
    }

    @Override
    public void abort() {
        if (closed || aborted) {
            orderError = "abort twice or after close";
        }
        aborted = true;
    }
}
