package id.modo.verse.media;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Multipart uploads from the API and the media library page. The container has already written
 * the part to disk as it arrived; moving that file in is a rename, so a gigabyte is written once
 * more at most, never held in memory.
 */
@Component
class Uploads {

    private final Assets assets;
    private final AssetFiles files;
    private final Organizations organizations;
    private final MediaProperties properties;
    private final ObjectProvider<ProjectDirectory> projects;

    Uploads(Assets assets, AssetFiles files, Organizations organizations, MediaProperties properties,
            ObjectProvider<ProjectDirectory> projects) {
        this.assets = assets;
        this.files = files;
        this.organizations = organizations;
        this.properties = properties;
        this.projects = projects;
    }

    /** The organization of a project the actor may see, for the project-scoped endpoints; 404 otherwise, as for a missing one. */
    OrganizationId projectOrganization(UserId actor, UUID projectId) {
        ProjectDirectory directory = projects.getIfAvailable();
        return (directory == null ? Optional.<OrganizationId>empty() : directory.visibleTo(actor, projectId))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such project."));
    }

    void requireUploader(UserId actor, OrganizationId org) {
        organizations.require(actor, org, Permission.EDIT_CONTENT);
    }

    Duration defaultValidity() {
        return properties.signedUrlValidity();
    }

    AssetView upload(UserId actor, OrganizationId org, UUID projectId, String category, String originalName, MultipartFile file,
            AssetVisibility visibility) {
        AssetFiles.Upload upload = files.checkUpload(actor, org, projectId, category, originalName, visibility, file.getSize());
        Path raw = files.newIncomingFile();
        try {
            file.transferTo(raw);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(raw);
            } catch (IOException ignored) {
                // the incoming folder is scratch space
            }
            throw new UncheckedIOException("Could not receive an upload", e);
        }
        return assets.view(files.store(actor, org, upload, raw), properties.signedUrlValidity());
    }
}
