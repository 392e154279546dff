package id.modo.verse.studio.story;

import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.story.StoryContent.BeatSet;
import id.modo.verse.studio.story.StoryContent.CustomBeat;
import id.modo.verse.studio.story.StoryContent.Details;
import id.modo.verse.studio.story.StoryContent.Need;
import id.modo.verse.studio.story.StoryContent.Want;
import id.modo.verse.studio.story.StoryContent.WantNeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Studio story", description = "A project's story: details, structure beats and the want/need matrix, each saved as a version")
@RestController
class StoryApiController {

    private final Stories stories;

    StoryApiController(Stories stories) {
        this.stories = stories;
    }

    /** Who saved a part last and which version it is; number 0 and nulls for a part never saved. */
    record VersionInfo(int number, UUID savedById, String savedByName, Instant savedAt) {
        static VersionInfo of(Stories.Story story, String section) {
            return story.current(section)
                    .map(v -> new VersionInfo(v.number(), v.author() == null ? null : v.author().value(), v.authorName(), v.createdAt()))
                    .orElse(new VersionInfo(0, null, null, null));
        }
    }

    record DetailsRequest(@NotNull @Min(0) Integer baseVersion, @Size(max = 20000) String premise, @Size(max = 2000) String logline,
            @Size(max = 50000) String synopsis, @Size(max = 100000) String globalSynopsis, @Size(max = 50) String duration,
            @Pattern(regexp = "^$|^(feature|series|short_movie|short_video|animation)$",
                    message = "must be one of feature, series, short_movie, short_video, animation")
            String format,
            @Min(0) @Max(100000) Integer episodeCount, @Min(0) @Max(100000) Integer episodeDuration, @Size(max = 100) String genre,
            @Size(max = 100) String subGenre, @Size(max = 100) String tone,
            @Pattern(regexp = "^$|^(light|moderate|intense)$", message = "must be one of light, moderate, intense") String intensity,
            @Size(max = 255) String theme, @Size(max = 255) String subTheme, @Size(max = 20000) String moralValues,
            @Size(max = 20000) String localValues, @Size(max = 100000) String plot, @Size(max = 20000) String twist,
            @Size(max = 100) String conflictType, @Size(max = 100) String targetAudience, @Size(max = 100) String targetMarket,
            @Pattern(regexp = "^$|^(G|PG|PG-13|R|NC-17)$", message = "must be one of G, PG, PG-13, R, NC-17") String ageRating) {

        Details change() {
            return new Details(premise, logline, synopsis, globalSynopsis, duration, format, episodeCount, episodeDuration, genre,
                    subGenre, tone, intensity, theme, subTheme, moralValues, localValues, plot, twist, conflictType, targetAudience,
                    targetMarket, ageRating);
        }
    }

    record StoryResponse(UUID projectId, UUID storyId, Details details, String structure, String endingType,
            Map<String, VersionInfo> versions) {
        static StoryResponse of(Stories.Story story) {
            Map<String, VersionInfo> versions = new LinkedHashMap<>();
            for (String section : List.of(StoryContent.DETAILS, StoryContent.BEATS, StoryContent.WANT_NEED)) {
                versions.put(section, VersionInfo.of(story, section));
            }
            return new StoryResponse(story.project().id().value(), story.id(), story.details(), story.beats().structure(),
                    story.wantNeed().ending(), versions);
        }
    }

    @GetMapping("/api/v1/projects/{projectId}/story")
    StoryResponse story(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        return StoryResponse.of(stories.get(caller.id(), projectId));
    }

    @Operation(summary = "Save the story's details", description = """
            For those who may edit the story. `base_version` is the details version the edit started from (0 if never \
            saved): if someone saved since, the answer is 409 `edit-conflict` with their content, `current_version`, \
            `saved_by` and `saved_at`. Absent fields stay; an empty string clears one.""")
    @PatchMapping("/api/v1/projects/{projectId}/story")
    StoryResponse saveDetails(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody DetailsRequest request) {
        return StoryResponse.of(stories.saveDetails(caller.id(), projectId, request.change(), request.baseVersion()));
    }

    // Beats

    record CustomBeatRequest(@NotNull @Size(max = 60) String key, @NotNull @Size(max = 120) String title) {
    }

    record BeatsRequest(@NotNull @Min(0) Integer baseVersion,
            @NotNull @Pattern(regexp = "^(hero|cat|harmon|three_act|freytag|custom)$",
                    message = "must be hero, cat, harmon, three_act, freytag or custom") String structure,
            @Size(max = Stories.MAX_CUSTOM_BEATS) List<@NotNull @Valid CustomBeatRequest> customBeats,
            @Size(max = 60) Map<@Size(max = 60) String, @Size(max = 10000) String> beats,
            @Size(max = 60) Map<@Size(max = 60) String, @NotNull Integer> intensities,
            @Size(max = 60) Map<@Size(max = 60) String, @Size(max = 100) Map<@Size(max = 36) String, @Size(max = 2000) String>> keyActions) {

        BeatSet set() {
            return new BeatSet(structure, customBeats == null ? List.of() : customBeats.stream().map(b -> new CustomBeat(b.key(), b.title())).toList(),
                    beats == null ? Map.of() : beats, intensities == null ? Map.of() : intensities,
                    keyActions == null ? Map.of() : keyActions);
        }
    }

    record BeatResponse(String key, String title, int act, String guide, String text, Integer intensity, Map<String, String> keyActions) {
    }

    record BeatsResponse(String structure, String structureName, List<BeatResponse> beats, List<CustomBeat> customBeats,
            VersionInfo version) {
        static BeatsResponse of(Stories.Story story) {
            Locale locale = LocaleContextHolder.getLocale();
            BeatSet set = story.beats();
            List<BeatResponse> beats = Stories.beatsOf(set).stream()
                    .map(b -> new BeatResponse(b.key(), b.title(locale), b.act(), b.guide(locale), set.beats().get(b.key()),
                            set.intensities().get(b.key()), set.keyActions().getOrDefault(b.key(), Map.of())))
                    .toList();
            return new BeatsResponse(set.structure(), StoryStructure.fromKey(set.structure()).orElse(StoryStructure.HERO).name(locale),
                    beats, set.customBeats(), VersionInfo.of(story, StoryContent.BEATS));
        }
    }

    @GetMapping("/api/v1/projects/{projectId}/story/beats")
    BeatsResponse beats(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        return BeatsResponse.of(stories.get(caller.id(), projectId));
    }

    @Operation(summary = "Save the beat set", description = """
            The structure (hero 12 beats, cat 15, harmon 8, three_act 8, freytag 5, or custom with `custom_beats` in order), \
            beat key → text, beat key → intensity (1 calm, 2 rising, 3 intense) and beat key → character id → action. A key \
            that is not a beat of the structure is 400 naming it; characters must be of this project. Switching structure \
            keeps the old beats in the previous version. `base_version` as for the story's details.""")
    @PutMapping("/api/v1/projects/{projectId}/story/beats")
    BeatsResponse saveBeats(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody BeatsRequest request) {
        return BeatsResponse.of(stories.saveBeats(caller.id(), projectId, request.set(), request.baseVersion()));
    }

    // Want and need

    record WantRequest(@Size(max = 5000) String external, @Size(max = 5000) String known, @Size(max = 5000) String specific,
            boolean achieved) {
    }

    record NeedRequest(@Size(max = 5000) String internal, @Size(max = 5000) String unknown, @Size(max = 5000) String universal,
            boolean achieved) {
    }

    record WantNeedRequest(@NotNull @Min(0) Integer baseVersion, @NotNull @Valid WantRequest want, @NotNull @Valid NeedRequest need,
            @Pattern(regexp = "^$|^(happy|bittersweet|hollow|tragic|open)$", message = "must be happy, bittersweet, hollow, tragic or open")
            String endingType) {

        WantNeed wantNeed() {
            return new WantNeed(new Want(blank(want.external()), blank(want.known()), blank(want.specific()), want.achieved()),
                    new Need(blank(need.internal()), blank(need.unknown()), blank(need.universal()), need.achieved()),
                    endingType == null || endingType.isEmpty() ? null : endingType);
        }

        private static String blank(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    record WantNeedResponse(Want want, Need need, String endingType, String impliedEnding, String ending, VersionInfo version) {
        static WantNeedResponse of(Stories.Story story) {
            WantNeed matrix = story.wantNeed();
            return new WantNeedResponse(matrix.want(), matrix.need(), matrix.endingType(), matrix.impliedEnding(), matrix.ending(),
                    VersionInfo.of(story, StoryContent.WANT_NEED));
        }
    }

    @GetMapping("/api/v1/projects/{projectId}/story/want-need")
    WantNeedResponse wantNeed(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId) {
        return WantNeedResponse.of(stories.get(caller.id(), projectId));
    }

    @Operation(summary = "Save the want/need matrix", description = """
            The implied ending follows from what is achieved: both → happy, the need only → bittersweet, the want only → \
            hollow, neither → tragic. `ending_type` overrides it (empty for the implied one). `base_version` as for the \
            story's details.""")
    @PutMapping("/api/v1/projects/{projectId}/story/want-need")
    WantNeedResponse saveWantNeed(@AuthenticationPrincipal CurrentUser caller, @PathVariable ProjectId projectId,
            @Valid @RequestBody WantNeedRequest request) {
        return WantNeedResponse.of(stories.saveWantNeed(caller.id(), projectId, request.wantNeed(), request.baseVersion()));
    }
}
