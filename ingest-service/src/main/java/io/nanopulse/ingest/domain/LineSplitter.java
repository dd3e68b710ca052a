package io.nanopulse.ingest.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, optional {@code \r} before it) with a bounded buffer: a
 * line longer than the limit is reported as too long and skipped up to its end, never accumulated.
 * Lines that fit in the read buffer are handed over in place, without copying.
 */
public final class LineSplitter {

    public interface Handler {
        void line(long lineNumber, byte[] bytes, int offset, int length) throws IOException;

        void tooLong(long lineNumber) throws IOException;
    }

    private final int maxLineBytes;
    private final byte[] buffer;
    private byte[] carry = new byte[1024];
    private int carryLength;
    private boolean skipping;

    public LineSplitter(int maxLineBytes, int bufferSize) {
        this.maxLineBytes = maxLineBytes;
        this.buffer = new byte[bufferSize];
    }

    public void split(InputStream in, Handler handler) throws IOException {
        long lineNumber = 1;
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) != -1) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] != '\n') {
                    continue;
                }
                if (skipping) {
                    handler.tooLong(lineNumber);
                    skipping = false;
                } else if (carryLength == 0) {
                    emit(handler, lineNumber, buffer, start, i - start);
                } else if (append(start, i - start)) {
                    emit(handler, lineNumber, carry, 0, carryLength);
                } else {
                    handler.tooLong(lineNumber);
                    skipping = false;
                }
                carryLength = 0;
                lineNumber++;
                start = i + 1;
            }
            if (start < n && !skipping && !append(start, n - start)) {
                carryLength = 0;
                skipping = true;
            }
        }
        if (skipping) {
            handler.tooLong(lineNumber);
        } else if (carryLength > 0) {
            emit(handler, lineNumber, carry, 0, carryLength);
        }
    }

    /** Keeps a partial line for the next read; false (and nothing kept) when it would pass the limit. */
    private boolean append(int offset, int length) {
        int needed = carryLength + length;
        if (needed > maxLineBytes) {
            carryLength = 0;
            skipping = true;
            return false;
        }
        if (needed > carry.length) {
            carry = Arrays.copyOf(carry, Math.min(maxLineBytes, Math.max(needed, carry.length * 2)));
        }
        System.arraycopy(buffer, offset, carry, carryLength, length);
        carryLength = needed;
        return true;
    }

    private void emit(Handler handler, long lineNumber, byte[] bytes, int offset, int length) throws IOException {
        if (length > 0 && bytes[offset + length - 1] == '\r') {
            length--;
        }
        if (length > maxLineBytes) {
            handler.tooLong(lineNumber);
        } else {
            handler.line(lineNumber, bytes, offset, length);
        }
    }
}
