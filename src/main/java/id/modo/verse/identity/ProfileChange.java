package id.modo.verse.identity;

import java.util.Map;

/** The profile fields a user may change; null leaves a field as it is, blank clears an optional one. */
record ProfileChange(String name, String username, String avatar, String bio, String language, String timeZone,
        Map<String, Boolean> notificationSettings) {
}
