package id.modo.verse.invest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a creator sets on a campaign, already checked for shape by the API's request record: null leaves a field as it
 * is, an empty text or list clears it, and the {@code clear…} flags clear the fields that are not text.
 */
record CampaignTerms(String title, UUID projectId, boolean clearProject, String tagline, String description, String story,
        String posterUrl, String bannerUrl, String videoUrl, List<String> gallery, BigDecimal goalAmount, FundingType fundingType,
        BigDecimal equityOffered, boolean clearEquity, Instant endDate, boolean clearEndDate, String category, boolean clearCategory,
        List<String> tags, String risks, String challenges) {

    /** The funding terms sent: fixed once the campaign leaves its draft. */
    List<String> termFields() {
        List<String> fields = new ArrayList<>();
        add(fields, "project_id", projectId != null || clearProject);
        add(fields, "goal_amount", goalAmount != null);
        add(fields, "funding_type", fundingType != null);
        add(fields, "equity_offered", equityOffered != null || clearEquity);
        add(fields, "end_date", endDate != null || clearEndDate);
        add(fields, "category", category != null || clearCategory);
        return fields;
    }

    /** The pitch sent: open while the campaign is a draft or running. */
    List<String> pitchFields() {
        List<String> fields = new ArrayList<>();
        add(fields, "title", title != null);
        add(fields, "tagline", tagline != null);
        add(fields, "description", description != null);
        add(fields, "story", story != null);
        add(fields, "poster_url", posterUrl != null);
        add(fields, "banner_url", bannerUrl != null);
        add(fields, "video_url", videoUrl != null);
        add(fields, "gallery", gallery != null);
        add(fields, "tags", tags != null);
        add(fields, "risks", risks != null);
        add(fields, "challenges", challenges != null);
        return fields;
    }

    private static void add(List<String> fields, String name, boolean sent) {
        if (sent) {
            fields.add(name);
        }
    }
}
