package id.modo.verse.common.jobs;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link JobId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class JobIdConverter extends PathIdConverter<JobId> {

    JobIdConverter() {
        super(JobId::of);
    }
}
