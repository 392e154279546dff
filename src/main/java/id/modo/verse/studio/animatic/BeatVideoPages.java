package id.modo.verse.studio.animatic;

import id.modo.verse.common.web.Ui;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.story.StoryBeats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What the Animatic tab shows of the beats' AI videos ({@link BeatVideoPage}), in the reader's language. */
@Component
class BeatVideoPages {

    private static final List<String> NOTICES = List.of("started", "cancelled", "discarded");
    private static final List<String> ERRORS = List.of("busy", "invalid", "not_configured", "credits", "limited", "failed");

    private final BeatVideos videos;
    private final StoryBeats beats;

    BeatVideoPages(BeatVideos videos, StoryBeats beats) {
        this.videos = videos;
        this.beats = beats;
    }

    /** The tab's AI videos for the reader; {@code said} is the outcome key a form post redirected with ("" for none). */
    BeatVideoPage page(UserId reader, ProjectId project, String said, Ui ui) {
        BeatVideos.Overview overview = videos.overview(reader, project);
        Map<Integer, String> keys = beats.of(reader, project, ui.locale()).stream()
                .collect(Collectors.toMap(StoryBeats.Beat::index, StoryBeats.Beat::key, (a, b) -> a, LinkedHashMap::new));
        Map<String, List<BeatVideoPage.Video>> byBeat = overview.videos().stream().collect(Collectors.groupingBy(BeatVideos.BeatVideo::beatKey,
                LinkedHashMap::new, Collectors.mapping(video -> new BeatVideoPage.Video(video.id(), video.status(), video.jobId(),
                        video.videoUrl(), video.errorMessage(), ui.t("vid.video.label", video.seconds())), Collectors.toList())));
        List<BeatVideoPage.Length> lengths = overview.offer().map(offer -> offer.creditsBySeconds().entrySet().stream()
                .map(e -> new BeatVideoPage.Length(e.getKey(), ui.t("vid.length", e.getKey(), e.getValue()))).toList()).orElse(List.of());
        String message = NOTICES.contains(said) ? ui.t("vid.notice." + said) : ERRORS.contains(said) ? ui.t("vid.error." + said) : null;
        return new BeatVideoPage(project.value().toString(), overview.canGenerate(), overview.offer().isPresent(), lengths, keys, byBeat,
                message, ERRORS.contains(said));
    }
}
