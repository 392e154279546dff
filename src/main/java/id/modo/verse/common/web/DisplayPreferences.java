package id.modo.verse.common.web;

import java.time.ZoneId;
import java.util.Optional;

/** What a signed-in principal may say about how pages should show things to them; pages fall back to the defaults. */
public interface DisplayPreferences {

    Optional<ZoneId> timeZone();
}
