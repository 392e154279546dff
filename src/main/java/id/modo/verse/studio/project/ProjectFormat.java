package id.modo.verse.studio.project;

import java.util.Locale;

enum ProjectFormat {
    FEATURE, SERIES, SHORT_MOVIE, SHORT_VIDEO, ANIMATION;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
