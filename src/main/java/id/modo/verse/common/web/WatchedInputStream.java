package id.modo.verse.common.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body read through unchanged, with every chunk shown to {@link #seen} as it passes,
 * which may refuse the body by throwing. For checks that must hold however the body is read
 * (by Jackson, a form parser, a controller), without buffering it.
 */
abstract class WatchedInputStream extends ServletInputStream {

    private final ServletInputStream delegate;

    WatchedInputStream(ServletInputStream delegate) {
        this.delegate = delegate;
    }

    /** The bytes just read: {@code length} of them from {@code offset}. */
    abstract void seen(byte[] buffer, int offset, int length) throws IOException;

    @Override
    public int read() throws IOException {
        int b = delegate.read();
        if (b >= 0) {
            seen(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = delegate.read(buffer, offset, length);
        if (n > 0) {
            seen(buffer, offset, n);
        }
        return n;
    }

    @Override
    public boolean isFinished() {
        return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        delegate.setReadListener(listener);
    }

    @Override
    public int available() throws IOException {
        return delegate.available();
    }
}
