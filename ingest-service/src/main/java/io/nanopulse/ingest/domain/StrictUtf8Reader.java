package io.nanopulse.ingest.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a UTF-8 stream as the standard defines it, with the JDK's decoder reporting errors: overlong forms
 * ({@code C0 BC} for '<'), encoded surrogates, code points past U+10FFFF and stray or truncated bytes are
 * invalid. A leading byte-order mark is dropped. Each invalid sequence is handed to {@link OnInvalid} only
 * when the reader's consumer reaches it (the characters before it are returned first), so a parser that
 * fails there fails at the right token; if the handler returns, the sequence reads as U+FFFD.
 */
public final class StrictUtf8Reader extends Reader {

    /** Where an invalid sequence starts: 1-based line and column (in characters), 0-based byte offset. */
    public interface OnInvalid {
        void invalid(long line, long column, long byteOffset) throws IOException;
    }

    /** The decoder every reader of the intake uses: errors reported, never replaced. */
    public static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private final InputStream in;
    private final OnInvalid onInvalid;
    private final CharsetDecoder decoder = decoder();
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
    private long bytesRead;
    private boolean eof;
    private boolean started;
    private int invalidLength;
    private long line = 1;
    private long column = 1;
    private boolean afterCr;

    public StrictUtf8Reader(InputStream in, OnInvalid onInvalid) {
        this.in = in;
        this.onInvalid = onInvalid;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (invalidLength > 0) {
            onInvalid.invalid(line, column, bytesRead - bytes.remaining());
            bytes.position(bytes.position() + invalidLength);
            invalidLength = 0;
            started = true;
            cbuf[off] = '\uFFFD';
            count(cbuf, off, 1);
            return 1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                invalidLength = result.length();
                if (out.position() == off) {
                    return read(cbuf, off, len);
                }
                break;
            }
            if (out.position() > off || result.isOverflow()) {
                break;
            }
            if (eof) {
                return -1;
            }
            fill();
        }
        int start = off;
        if (!started) {
            started = true;
            if (cbuf[off] == '\uFEFF') {
                start++;
                if (out.position() == start) {
                    return read(cbuf, off, len);
                }
                System.arraycopy(cbuf, start, cbuf, off, out.position() - start);
                out.position(out.position() - 1);
            }
        }
        int n = out.position() - off;
        count(cbuf, off, n);
        return n;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead += n;
        }
        bytes.flip();
    }

    /** Lines end at LF, CR or CR LF, as the JSON and CSV parsers count them. */
    private void count(char[] cbuf, int off, int n) {
        for (int i = off; i < off + n; i++) {
            char c = cbuf[i];
            if (c == '\n') {
                if (!afterCr) {
                    line++;
                }
                column = 1;
                afterCr = false;
            } else if (c == '\r') {
                line++;
                column = 1;
                afterCr = true;
            } else {
                column++;
                afterCr = false;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
