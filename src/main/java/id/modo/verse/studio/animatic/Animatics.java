package id.modo.verse.studio.animatic;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.jobs.JobState;
import id.modo.verse.common.jobs.Jobs;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.AssetId;
import id.modo.verse.media.AssetType;
import id.modo.verse.media.AssetView;
import id.modo.verse.media.Assets;
import id.modo.verse.media.Ffmpeg;
import id.modo.verse.media.FfmpegInstallation;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.animatic.AnimaticRows.Picture;
import id.modo.verse.studio.animatic.AnimaticRows.Row;
import id.modo.verse.studio.story.StoryBeats;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Animatics of a project's beats and of its whole story: starting a render (a job) and the newest render of each.
 * Rendering is the story's work, so it takes the right to edit the story ({@link Section#STORY}, the section the
 * beats and their moodboard belong to); reading takes the right to read the project.
 */
@Service
public class Animatics {

    private final ProjectAccess access;
    private final AnimaticRows rows;
    private final StoryBeats beats;
    private final Assets assets;
    private final Ffmpeg ffmpeg;
    private final Jobs jobs;

    Animatics(ProjectAccess access, AnimaticRows rows, StoryBeats beats, Assets assets, Ffmpeg ffmpeg, Jobs jobs) {
        this.access = access;
        this.rows = rows;
        this.beats = beats;
        this.assets = assets;
        this.ffmpeg = ffmpeg;
        this.jobs = jobs;
    }

    /** What to render: one beat ({@code beatIndex}) or, with {@code story}, every beat that has pictures. */
    record Order(boolean story, Integer beatIndex, AnimaticSettings settings) {
    }

    /** A render that was started: its row and its job. */
    record Started(UUID animaticId, Job job) {
    }

    /** Starts a render as a job; 409 {@code animatic-no-pictures} when there is nothing to animate. */
    Started start(UserId actor, ProjectId project, Order order) {
        ProjectView view = access.edit(actor, project, Section.STORY);
        List<Picture> pictures = rows.pictures(project);
        String beatName = null;
        if (order.story()) {
            if (pictures.isEmpty()) {
                throw new ProblemException(AnimaticProblems.NO_PICTURES,
                        "No beat of this story has a moodboard picture yet. Add pictures to the moodboard first.");
            }
        } else {
            List<Picture> ofBeat = pictures.stream().filter(p -> p.beatIndex() == order.beatIndex()).toList();
            if (ofBeat.isEmpty()) {
                throw new ProblemException(AnimaticProblems.NO_PICTURES, "Beat " + order.beatIndex()
                        + " has no moodboard pictures yet. Add at least one picture to it first.", Map.of("beat_index", order.beatIndex()));
            }
            if (!order.settings().durations().isEmpty() && order.settings().durations().size() != ofBeat.size()) {
                throw invalid("durations", "must list one duration per picture of the beat (" + ofBeat.size() + ")");
            }
            beatName = ofBeat.getFirst().beatName();
        }
        UUID audio = order.settings().audioAssetId();
        if (audio != null) {
            Optional<AssetView> sound = assets.find(view.organizationId(), AssetId.of(audio));
            if (sound.isEmpty() || sound.get().type() != AssetType.AUDIO) {
                throw invalid("audio_asset_id", "must be a sound file of this organization's media library");
            }
        }
        FfmpegInstallation programs = ffmpeg.installation().orElse(null);
        if (programs == null || !programs.canEncodeH264AndAac()) {
            throw new ProblemException(ProblemType.UNAVAILABLE,
                    "Animatics need ffmpeg with an H.264 encoder and AAC on the server; the operator sets MODO_FFMPEG_PATH to one.");
        }
        UUID id = rows.insert(project, order.story() ? AnimaticRows.STORY : AnimaticRows.BEAT, order.story() ? null : order.beatIndex(),
                beatName, actor.value(), order.settings());
        Job job;
        try {
            job = jobs.submit(AnimaticJob.KIND, actor.value(), view.organizationId().value(), project.value(),
                    Map.of(AnimaticJob.ANIMATION_ID, id.toString()));
        } catch (RuntimeException e) {
            rows.end(id, "failed", "The render could not be started.");
            throw e;
        }
        rows.job(id, job.id());
        return new Started(id, job);
    }

    /** A beat of the story with its pictures and its newest animatic. */
    record BeatAnimatic(int beatIndex, String beatName, String title, int pictureCount, Animatic animatic) {
    }

    /** The newest story animatic (null when never rendered), the beats, and whether the reader may render. */
    record Overview(ProjectView project, Animatic story, List<BeatAnimatic> beats, boolean canRender) {
    }

    /** One render as readers see it; the URLs are paths of this site, the media ones signed and short-lived. */
    record Animatic(UUID id, String scope, Integer beatIndex, String beatName, String status, UUID jobId, String failureReason,
            String videoUrl, String posterUrl, boolean hasCaptionsTrack, String captions, Double durationSeconds, Integer width,
            Integer height, java.time.Instant createdAt, java.time.Instant updatedAt) {
    }

    Overview overview(UserId actor, ProjectId project, Locale locale) {
        ProjectView view = access.read(actor, project);
        List<StoryBeats.Beat> structure = beats.of(actor, project, locale);
        Map<Integer, List<Picture>> pictures = new TreeMap<>();
        rows.pictures(project).forEach(p -> pictures.computeIfAbsent(p.beatIndex(), k -> new ArrayList<>()).add(p));
        List<Row> latest = rows.latest(project).stream().map(this::settled).toList();
        Map<UUID, AssetView> media = media(view, latest);
        Map<Integer, Animatic> byBeat = new LinkedHashMap<>();
        Animatic story = null;
        for (Row row : latest) {
            Animatic animatic = view(row, media);
            if (row.story()) {
                story = animatic;
            } else {
                byBeat.put(row.beatIndex(), animatic);
            }
        }
        Map<Integer, BeatAnimatic> result = new TreeMap<>();
        for (StoryBeats.Beat beat : structure) {
            result.put(beat.index(), new BeatAnimatic(beat.index(), beat.key(), beat.title(),
                    pictures.getOrDefault(beat.index(), List.of()).size(), byBeat.get(beat.index())));
        }
        // pictures or renders of beats the structure no longer has (it was switched) stay reachable under their key
        Set<Integer> others = new HashSet<>(pictures.keySet());
        others.addAll(byBeat.keySet());
        for (Integer index : others) {
            if (!result.containsKey(index)) {
                List<Picture> ofBeat = pictures.getOrDefault(index, List.of());
                Animatic animatic = byBeat.get(index);
                String name = !ofBeat.isEmpty() ? ofBeat.getFirst().beatName() : animatic.beatName();
                result.put(index, new BeatAnimatic(index, name, name, ofBeat.size(), animatic));
            }
        }
        return new Overview(view, story, List.copyOf(result.values()), view.canEdit(Section.STORY));
    }

    /**
     * The row as its job ended, when the job ended without running it to the end (a job cancelled while it waited never
     * runs, so nothing else would say so): the row follows the job, read as the one who started it.
     */
    private Row settled(Row row) {
        if (row.jobId() == null || !("pending".equals(row.status()) || "processing".equals(row.status()))) {
            return row;
        }
        Job job;
        try {
            job = jobs.get(row.createdBy(), row.jobId());
        } catch (ProblemException e) {
            return row; // the one who started it may no longer follow it; the row stays as it is
        }
        if (job.state() != JobState.CANCELLED && job.state() != JobState.FAILED) {
            return row;
        }
        String reason = job.state() == JobState.CANCELLED ? "The render was cancelled." : job.error();
        rows.end(row.id(), job.state().dbValue(), reason);
        return rows.find(row.id()).orElse(row);
    }

    /** The WebVTT cues of a render made with {@code webvtt} captions; 404 otherwise, and for a project the reader may not see. */
    String captions(UserId actor, ProjectId project, UUID animatic) {
        access.read(actor, project);
        return rows.find(project, animatic).map(Row::captionsVtt)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such captions track."));
    }

    private Map<UUID, AssetView> media(ProjectView view, List<Row> latest) {
        List<AssetId> ids = new ArrayList<>();
        for (Row row : latest) {
            if (row.videoAssetId() != null) {
                ids.add(AssetId.of(row.videoAssetId()));
            }
            if (row.posterAssetId() != null) {
                ids.add(AssetId.of(row.posterAssetId()));
            }
        }
        Map<UUID, AssetView> found = new LinkedHashMap<>();
        assets.find(view.organizationId(), ids).forEach((id, asset) -> found.put(id.value(), asset));
        return found;
    }

    private static Animatic view(Row row, Map<UUID, AssetView> media) {
        String video = row.videoAssetId() == null ? null : local(media.get(row.videoAssetId()));
        String poster = row.posterAssetId() == null ? null : local(media.get(row.posterAssetId()));
        Double seconds = row.durationMs() == null ? null : row.durationMs() / 1000.0;
        return new Animatic(row.id(), row.scope(), row.beatIndex(), row.beatName(), row.status(), row.jobId(), row.errorMessage(), video,
                poster, row.captionsVtt() != null, row.settings().captions().value(), seconds, row.width(), row.height(), row.createdAt(),
                row.updatedAt());
    }

    /** The URL's path and query, so pages fetch from whatever host served them. */
    private static String local(AssetView asset) {
        if (asset == null || asset.url() == null) {
            return null;
        }
        URI url = asset.url();
        return url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                Map.of("errors", List.of(new FieldError(field, message))));
    }
}
