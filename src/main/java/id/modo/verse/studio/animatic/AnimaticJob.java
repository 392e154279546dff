package id.modo.verse.studio.animatic;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.jobs.JobCancelledException;
import id.modo.verse.common.jobs.JobContext;
import id.modo.verse.common.jobs.JobHandler;
import id.modo.verse.common.jobs.JobStoppedException;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.AssetId;
import id.modo.verse.media.AssetType;
import id.modo.verse.media.AssetView;
import id.modo.verse.media.Assets;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.animatic.AnimaticRenderer.Clip;
import id.modo.verse.studio.animatic.AnimaticRenderer.Shot;
import id.modo.verse.studio.animatic.AnimaticRows.Picture;
import id.modo.verse.studio.animatic.AnimaticRows.Row;
import id.modo.verse.studio.story.StoryBeats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders an animatic ({@code animation_id} in the job's input names its row): copies the beat's pictures (or every
 * beat's) out of the media library, renders each beat as a clip, joins the clips for the story, takes a poster, stores
 * video and poster as media assets of the project, and marks the row completed, removing the renders it replaces.
 * Progress is in milliseconds of video made. A cancel kills ffmpeg; a cancel or a failure removes whatever this run
 * stored, so no half animatic is ever left, and the row says why. Retrying the job renders the same row again, and so
 * does the next start after the app's stop cut a render short.
 */
@Component
class AnimaticJob implements JobHandler {

    static final String KIND = "studio-animatic";
    static final String ANIMATION_ID = "animation_id";
    static final String CATEGORY = "animatic";

    private final AnimaticRows rows;
    private final AnimaticRenderer renderer;
    private final StoryBeats beats;
    private final ProjectAccess access;
    private final Assets assets;
    private final TransactionTemplate transactions;

    AnimaticJob(AnimaticRows rows, AnimaticRenderer renderer, StoryBeats beats, ProjectAccess access, Assets assets,
            TransactionTemplate transactions) {
        this.rows = rows;
        this.renderer = renderer;
        this.beats = beats;
        this.access = access;
        this.assets = assets;
        this.transactions = transactions;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Who may render may watch, cancel and retry: those who may edit the project's story. */
    @Override
    public boolean visibleTo(UUID user, Job job) {
        return job.subject() != null && access.find(UserId.of(user), ProjectId.of(job.subject()))
                .filter(view -> view.canEdit(Section.STORY)).isPresent();
    }

    /** One beat to render: its caption and its pictures in story order. */
    private record Beat(int index, String title, String text, List<Picture> pictures) {
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        Job job = context.job();
        UUID id = UUID.fromString((String) job.input().get(ANIMATION_ID));
        Row row = rows.find(id).orElseThrow(() -> new IllegalStateException("The animatic was deleted."));
        UserId actor = UserId.of(job.createdBy());
        List<UUID> stored = new ArrayList<>();
        rows.processing(id);
        Path folder = Files.createTempDirectory("modo-animatic-");
        try {
            ProjectView project = access.read(actor, ProjectId.of(row.projectId()));
            AnimaticSettings settings = row.settings();
            List<Beat> plan = plan(actor, project, row, settings);
            Map<String, Path> files = copyPictures(project, plan, folder);
            Path audio = settings.audioAssetId() == null ? null : copyAudio(project, settings.audioAssetId(), folder);
            List<Clip> clips = new ArrayList<>();
            for (Beat beat : plan) {
                clips.add(clip(beat, settings, files, folder));
            }
            double planned = clips.stream().mapToDouble(Clip::seconds).sum();
            long total = millis(planned) + (row.story() ? millis(planned) / 10 : 0) + 1;
            Path video = folder.resolve("animatic.mp4");
            long done = 0;
            List<Path> made = new ArrayList<>();
            for (int i = 0; i < clips.size(); i++) {
                Clip clip = clips.get(i);
                Beat beat = plan.get(i);
                long before = done;
                String message = row.story() ? "Rendering beat " + (i + 1) + " of " + clips.size() + ": " + beat.title()
                        : "Rendering " + beat.title();
                context.progress(before, total, message);
                Path out = row.story() ? folder.resolve("clip-" + i + ".mp4") : video;
                renderer.clip(clip, row.story() ? null : audio, out,
                        ms -> context.progress(before + Math.min(ms, millis(clip.seconds())), total, message));
                done += millis(clip.seconds());
                made.add(out);
            }
            if (row.story()) {
                long before = done;
                long share = millis(planned) / 10;
                context.progress(before, total, "Joining the beats");
                renderer.story(made, planned, audio, folder, video,
                        ms -> context.progress(before + (long) (share * Math.min(1.0, ms / (planned * 1000))), total, "Joining the beats"));
            }
            double seconds = renderer.duration(video);
            Path poster = folder.resolve("poster.jpg");
            renderer.poster(video, Math.min(1.5, seconds / 2), poster);
            context.progress(total - 1, total, "Storing the animatic");
            String name = row.story() ? "animatic-story" : "animatic-beat-" + row.beatIndex();
            UUID videoId = upload(actor, project, name + ".mp4", video);
            stored.add(videoId);
            UUID posterId = upload(actor, project, name + ".jpg", poster);
            stored.add(posterId);
            String vtt = settings.captions() == AnimaticSettings.Captions.WEBVTT ? webVtt(plan, clips) : null;
            List<UUID> replaced = transactions.execute(status -> rows.complete(id, videoId, posterId, (int) millis(seconds), vtt)
                    ? rows.dropOlder(row) : null);
            if (replaced == null) {
                throw new IllegalStateException("This render was superseded.");
            }
            stored.clear();
            replaced.forEach(asset -> discard(actor, asset));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("animatic_id", id.toString());
            result.put("video_asset_id", videoId.toString());
            result.put("poster_asset_id", posterId.toString());
            result.put("duration_seconds", seconds);
            return result;
        } catch (JobCancelledException e) {
            stored.forEach(asset -> discard(actor, asset));
            rows.end(id, "cancelled", "The render was cancelled.");
            throw e;
        } catch (JobStoppedException e) {
            // the row stays processing: the job runs again once the app is back and renders it from the start
            stored.forEach(asset -> discard(actor, asset));
            throw e;
        } catch (Exception | LinkageError e) {
            stored.forEach(asset -> discard(actor, asset));
            // ffmpeg's reason and a problem (the project is gone, the quota is full) are for people as they are
            boolean told = e instanceof AnimaticFfmpeg.RenderFailed || e instanceof ProblemException;
            rows.end(id, "failed", told ? e.getMessage() : "Rendering failed: " + e.getMessage());
            throw e;
        } finally {
            deleteFolder(folder);
        }
    }

    /** The beats to render with their pictures now (the moodboard may have changed since the render was asked for). */
    private List<Beat> plan(UserId actor, ProjectView project, Row row, AnimaticSettings settings) {
        Locale locale = Locale.forLanguageTag(settings.language());
        Map<Integer, StoryBeats.Beat> structure = new HashMap<>();
        beats.of(actor, project.id(), locale).forEach(b -> structure.put(b.index(), b));
        Map<Integer, List<Picture>> pictures = new LinkedHashMap<>();
        rows.pictures(project.id()).stream()
                .filter(p -> row.story() || p.beatIndex() == row.beatIndex())
                .forEach(p -> pictures.computeIfAbsent(p.beatIndex(), k -> new ArrayList<>()).add(p));
        if (pictures.isEmpty()) {
            throw new AnimaticFfmpeg.RenderFailed(row.story() ? "No beat of this story has a moodboard picture any more."
                    : "This beat has no moodboard pictures any more.");
        }
        List<Beat> plan = new ArrayList<>();
        pictures.forEach((index, ofBeat) -> {
            StoryBeats.Beat beat = structure.get(index);
            // a beat the structure no longer has keeps its key as its title
            String title = beat != null ? beat.title() : ofBeat.getFirst().beatName();
            plan.add(new Beat(index, title, beat != null ? beat.text() : "", ofBeat));
        });
        plan.sort(Comparator.comparingInt(Beat::index));
        return plan;
    }

    private Map<String, Path> copyPictures(ProjectView project, List<Beat> plan, Path folder) throws IOException {
        List<AssetId> ids = plan.stream().flatMap(b -> b.pictures().stream()).map(p -> assetOf(p.imageUrl())).distinct().toList();
        Map<AssetId, AssetView> found = assets.find(project.organizationId(), ids);
        Map<String, Path> files = new HashMap<>();
        int n = 0;
        for (AssetId id : ids) {
            AssetView asset = found.get(id);
            if (asset == null || asset.type() != AssetType.IMAGE) {
                continue; // a picture deleted from the library since; the beat goes on without it
            }
            Path file = folder.resolve("picture-" + (n++) + "." + extension(asset.mimeType()));
            try (InputStream in = assets.open(project.organizationId(), id, 0, -1).orElseThrow()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            files.put("/media/" + id.value(), file);
        }
        return files;
    }

    private Path copyAudio(ProjectView project, UUID audio, Path folder) throws IOException {
        Path file = folder.resolve("sound");
        try (InputStream in = assets.open(project.organizationId(), AssetId.of(audio), 0, -1).orElseThrow(
                () -> new AnimaticFfmpeg.RenderFailed("The chosen sound is no longer in the media library."))) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static Clip clip(Beat beat, AnimaticSettings settings, Map<String, Path> files, Path folder) throws IOException {
        List<Shot> shots = new ArrayList<>();
        for (int i = 0; i < beat.pictures().size(); i++) {
            Path file = files.get("/media/" + assetOf(beat.pictures().get(i).imageUrl()).value());
            if (file != null) {
                shots.add(new Shot(file, settings.seconds(i)));
            }
        }
        if (shots.isEmpty()) {
            throw new AnimaticFfmpeg.RenderFailed("The pictures of \"" + beat.title() + "\" are no longer in the media library.");
        }
        Path card = null;
        if (settings.captions() == AnimaticSettings.Captions.BURNED) {
            card = folder.resolve("caption-" + beat.index() + ".png");
            CaptionCard.write(beat.title(), beat.text(), AnimaticRenderer.WIDTH, AnimaticRenderer.HEIGHT, card);
        }
        return new Clip(shots, card);
    }

    /** One cue a beat, from where its clip starts to where it ends. */
    static String webVtt(List<Beat> plan, List<Clip> clips) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        double at = 0;
        for (int i = 0; i < clips.size(); i++) {
            double end = at + clips.get(i).seconds();
            vtt.append(i + 1).append('\n').append(timestamp(at)).append(" --> ").append(timestamp(end)).append('\n')
                    .append(cueText(plan.get(i).title())).append('\n');
            String text = cueText(plan.get(i).text());
            if (!text.isEmpty()) {
                vtt.append(text).append('\n');
            }
            vtt.append('\n');
            at = end;
        }
        return vtt.toString();
    }

    /** A cue's text may not hold "-->" or a blank line, and its "<" and "&" start markup. */
    private static String cueText(String text) {
        return text.strip().replace("&", "&amp;").replace("<", "&lt;").replace("-->", "→").replaceAll("\\s*\\R\\s*", " ");
    }

    private static String timestamp(double seconds) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    private UUID upload(UserId actor, ProjectView project, String name, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return assets.upload(actor, project.organizationId(), project.id().value(), CATEGORY, name, in).id().value();
        }
    }

    private void discard(UserId actor, UUID asset) {
        try {
            assets.delete(actor, AssetId.of(asset));
        } catch (ProblemException e) {
            // the creator lost the right meanwhile; the file stays for an admin to remove
        }
    }

    private static AssetId assetOf(String reference) {
        return AssetId.of(UUID.fromString(reference.substring("/media/".length(), "/media/".length() + 36)));
    }

    private static String extension(String mimeType) {
        return switch (mimeType) {
            case "image/jpeg" -> "jpg";
            case "image/webp" -> "webp";
            case "image/gif" -> "gif";
            case "image/bmp", "image/x-ms-bmp" -> "bmp";
            case "image/tiff" -> "tiff";
            default -> "png";
        };
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // temporary files; the system's cleaner takes what is left
        }
    }
}
