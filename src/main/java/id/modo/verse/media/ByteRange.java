package id.modo.verse.media;

/**
 * One byte range of an HTTP {@code Range} header (RFC 9110 section 14), resolved against the file's size.
 * Several ranges, other units and malformed headers are ignored (the whole file is sent), as the RFC
 * allows; a well-formed range that lies outside the file is {@link #UNSATISFIABLE}.
 */
record ByteRange(long start, long end) {

    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    long length() {
        return end - start + 1;
    }

    /** The range to send, {@link #UNSATISFIABLE}, or null for the whole file. */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        String spec = value.substring(6).strip();
        if (spec.contains(",")) {
            return null;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String first = spec.substring(0, dash).strip();
        String last = spec.substring(dash + 1).strip();
        if (!digits(first) && !first.isEmpty() || !digits(last) && !last.isEmpty() || first.isEmpty() && last.isEmpty()) {
            return null;
        }
        if (first.isEmpty()) {
            long suffix = parse(last);
            if (suffix == 0 || size == 0) {
                return UNSATISFIABLE;
            }
            return new ByteRange(Math.max(0, size - suffix), size - 1);
        }
        long start = parse(first);
        long end = last.isEmpty() ? Long.MAX_VALUE : parse(last);
        if (end < start) {
            return null;
        }
        if (start >= size) {
            return UNSATISFIABLE;
        }
        return new ByteRange(start, Math.min(end, size - 1));
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static long parse(String digits) {
        return Long.parseLong(digits);
    }
}
