package id.modo.verse.media;

import id.modo.verse.organization.OrganizationEvents.OrganizationDeleted;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the store in step with what other modules do. */
@Component
class MediaListeners {

    private final FileStorage storage;

    MediaListeners(FileStorage storage) {
        this.storage = storage;
    }

    /**
     * The database removed the organization's asset rows with it (ON DELETE CASCADE); its bytes go
     * here, after that commit. A failure leaves the event in the publication registry to be retried.
     */
    @ApplicationModuleListener
    void on(OrganizationDeleted event) {
        try {
            storage.deleteOrganization(event.deletedOrganizationId());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the files of organization " + event.deletedOrganizationId(), e);
        }
    }
}
