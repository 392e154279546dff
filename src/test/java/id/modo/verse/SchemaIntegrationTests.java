package id.modo.verse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import id.modo.verse.support.IntegrationTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks the Flyway migrations against the product ERD ({@code spec/erd.md}): all 64 tables, every ERD
 * column with its PostgreSQL type, every index of the ERD's index list, and that a sample of the CHECK
 * constraints added on top of the ERD (see {@code docs/schema.md}) really rejects bad rows.
 *
 * <p>Column types use a short notation: {@code varchar(n)} is {@code character varying} of length n,
 * {@code numeric(p,s)} is {@code numeric} with precision p and scale s, {@code timestamptz} is
 * {@code timestamp with time zone}; every other type is {@code information_schema.columns.data_type}
 * as is ({@code uuid}, {@code text}, {@code integer}, {@code bigint}, {@code boolean}, {@code jsonb},
 * {@code date}).
 *
 * <p>The tests leave no rows behind: a statement that must fail carries its parent rows in the same
 * statement (a data-modifying {@code WITH}), so the failure discards them too, and the one insert that
 * succeeds is deleted again.
 */
@IntegrationTest
class SchemaIntegrationTests {

    /** Tables in schema public that are not ERD tables. A table added beyond the ERD is listed here. */
    static final Set<String> NON_ERD_TABLES = Set.of(
            "flyway_schema_history",
            "event_publication", "event_publication_archive", // Spring Modulith event publication registry
            "scheduled_tasks", // db-scheduler
            "one_time_tokens", // identity: email verification and password reset
            "oauth_authorization_requests", // identity: OAuth2 sign-ins in progress (no HTTP session)
            "rate_limits", // common: login throttling and other rate limits
            "mail_outbox", // outgoing mail outbox (common.Mailer), see docs/schema.md
            "jobs", "job_outputs", // common.jobs: long tasks with progress and the files they make, see docs/schema.md
            "payments", "payment_events", "payment_methods", "idempotency_keys", // payment, see docs/schema.md
            "credit_reservations", // credit: holds on credits for long work, see docs/schema.md
            "plans", "invoices", "invoice_lines", "invoice_counters", // billing, see docs/schema.md
            "ai_models", "ai_generation_prices", // ai: the model catalogue and the generation types' prices, see docs/schema.md
            "ai_platform_keys", // ai: platform keys set by admins, stored encrypted, see docs/schema.md
            "ai_generations", // ai: a generation that waits, runs, is cancelled or is followed by id, see docs/schema.md
            "studio_versions", // studio: the version history of every Studio section, see docs/schema.md
            "character_relationships", // studio: characters' relationships (replace characters.relationships), see docs/schema.md
            "project_ai_settings", // studio: a project's tone, audience, language and monthly AI credit allotment, see docs/schema.md
            "bible_exports", // studio: the IP bible PDFs made of a project, see docs/schema.md
            "content_videos", "content_renditions", // watch: uploaded videos and their HLS renditions, see docs/schema.md
            "content_subtitles", "watch_video_uploads", // watch: subtitle tracks and resumable (tus) uploads
            "content_rating_votes", "content_views", // watch: helpful votes on reviews, one view per viewer, title and day
            "content_match_scores", "content_match_runs", // watch: personal match scores and when each user's were computed
            "watch_home_versions", // watch: the version of the catalogue home's shared rows, see docs/schema.md
            "investment_refunds", "investor_payout_accounts", // invest: one refund per investment, payout bank accounts
            "beat_ai_videos"); // studio: a beat's AI videos made through the gateway, see docs/schema.md

    /** ERD table name to its columns, each "column:type". */
    static final Map<String, List<String>> ERD_TABLES = new LinkedHashMap<>();

    static {
        // identity
        table("users",
                "id:uuid", "email:varchar(255)", "email_verified:boolean", "password_hash:varchar(255)",
                "name:varchar(255)", "username:varchar(100)", "avatar:text", "bio:text",
                "wallet_address:varchar(255)", "modo_tokens:integer", "google_id:varchar(255)",
                "github_id:varchar(255)", "discord_id:varchar(255)", "preferences:jsonb",
                "notification_settings:jsonb", "status:varchar(50)", "platform_role:varchar(20)",
                "last_login_at:timestamptz", "created_at:timestamptz", "updated_at:timestamptz");
        table("sessions",
                "id:uuid", "user_id:uuid", "token_hash:varchar(255)", "device_info:jsonb", "ip_address:varchar(50)",
                "user_agent:text", "expires_at:timestamptz", "last_active_at:timestamptz", "created_at:timestamptz");
        // organization
        table("organizations",
                "id:uuid", "name:varchar(255)", "slug:varchar(100)", "logo:text", "banner:text", "description:text",
                "website:varchar(255)", "plan:varchar(50)", "billing_email:varchar(255)",
                "stripe_customer_id:varchar(255)", "stripe_subscription_id:varchar(255)",
                "ai_credits_balance:integer", "storage_used_bytes:bigint", "storage_limit_bytes:bigint",
                "settings:jsonb", "trial_ends_at:timestamptz", "created_at:timestamptz", "updated_at:timestamptz");
        table("organization_members",
                "id:uuid", "organization_id:uuid", "user_id:uuid", "role:varchar(50)", "permissions:jsonb",
                "invited_by:uuid", "invited_at:timestamptz", "joined_at:timestamptz");
        table("invitations",
                "id:uuid", "organization_id:uuid", "email:varchar(255)", "role:varchar(50)", "token:varchar(255)",
                "invited_by:uuid", "status:varchar(50)", "expires_at:timestamptz", "accepted_at:timestamptz",
                "created_at:timestamptz");
        // billing
        table("subscriptions",
                "id:uuid", "organization_id:uuid", "plan:varchar(50)", "status:varchar(50)",
                "billing_cycle:varchar(20)", "stripe_subscription_id:varchar(255)", "stripe_price_id:varchar(255)",
                "current_period_start:timestamptz", "current_period_end:timestamptz", "trial_start:timestamptz",
                "trial_end:timestamptz", "canceled_at:timestamptz", "cancel_at_period_end:boolean", "metadata:jsonb",
                "created_at:timestamptz");
        // credit
        table("credit_balances",
                "id:uuid", "organization_id:uuid", "balance:integer", "bonus_balance:integer",
                "rollover_balance:integer", "last_reset_at:timestamptz", "next_reset_at:timestamptz",
                "updated_at:timestamptz");
        table("credit_transactions",
                "id:uuid", "organization_id:uuid", "user_id:uuid", "type:varchar(50)", "amount:integer",
                "balance_after:integer", "description:text", "reference_type:varchar(50)",
                "reference_id:varchar(255)", "metadata:jsonb", "created_at:timestamptz");
        // ai
        table("ai_usage_logs",
                "id:uuid", "organization_id:uuid", "user_id:uuid", "project_id:uuid", "endpoint:varchar(100)",
                "provider:varchar(50)", "model:varchar(100)", "input_tokens:integer", "output_tokens:integer",
                "credits_used:integer", "cost_usd:numeric(10,6)", "duration_ms:integer", "status:varchar(50)",
                "error_message:text", "request_metadata:jsonb", "created_at:timestamptz");
        table("user_api_keys",
                "id:uuid", "user_id:uuid", "organization_id:uuid", "provider:varchar(50)", "name:varchar(100)",
                "api_key_encrypted:text", "is_valid:boolean", "last_validated_at:timestamptz", "usage_count:integer",
                "created_at:timestamptz");
        // studio
        table("projects",
                "id:uuid", "organization_id:uuid", "user_id:uuid", "title:varchar(255)", "slug:varchar(255)",
                "description:text", "logo:text", "thumbnail_mood:text", "genre:varchar(100)",
                "sub_genre:varchar(100)", "format:varchar(50)", "target_audience:varchar(100)",
                "target_market:varchar(100)", "studio_name:varchar(255)", "studio_logo:text",
                "ip_owner:varchar(255)", "production_date:date", "brand_logos:jsonb", "color_palette:jsonb",
                "status:varchar(50)", "visibility:varchar(50)", "created_at:timestamptz", "updated_at:timestamptz",
                "published_at:timestamptz");
        table("project_collaborators",
                "id:uuid", "project_id:uuid", "user_id:uuid", "role:varchar(100)", "custom_role_title:varchar(100)",
                "permissions:jsonb", "modo_tokens:integer", "assigned_by:uuid", "assigned_at:timestamptz");
        table("stories",
                "id:uuid", "project_id:uuid", "premise:text", "synopsis:text", "global_synopsis:text",
                // genre, sub_genre, format, target_audience, target_market: the project's (docs/schema.md)
                "logline:text", "duration:varchar(50)", "episode_count:integer",
                "episode_duration:integer", "tone:varchar(100)",
                "intensity:varchar(50)", "theme:varchar(255)", "sub_theme:varchar(255)", "moral_values:text",
                "local_values:text", "plot:text", "twist:text", "conflict_type:varchar(100)",
                "age_rating:varchar(20)",
                "structure:varchar(50)", "structure_beats:jsonb", "key_actions:jsonb", "want_need_matrix:jsonb",
                "ending_type:varchar(50)", "generated_script:text", "script_version:integer",
                "created_at:timestamptz", "updated_at:timestamptz");
        table("characters",
                "id:uuid", "project_id:uuid", "name:varchar(255)", "role:varchar(100)", "archetype:varchar(100)",
                "image_url:text", "image_poses:jsonb", "cast_reference:varchar(255)", "physiological:jsonb",
                "psychological:jsonb", "emotional:jsonb", "family:jsonb", "sociocultural:jsonb",
                "core_beliefs:jsonb", "educational:jsonb", "sociopolitics:jsonb", "swot_analysis:jsonb",
                "character_arc:text", "transformation:text", "display_order:integer",
                "created_at:timestamptz", "updated_at:timestamptz");
        table("universes",
                "id:uuid", "project_id:uuid", "name:varchar(255)", "description:text", "environment:jsonb",
                "public_systems:jsonb", "private_systems:jsonb", "rules:jsonb", "history:jsonb",
                "visualizations:jsonb", "created_at:timestamptz", "updated_at:timestamptz");
        table("moodboards",
                "id:uuid", "project_id:uuid", "beat_name:varchar(255)", "beat_index:integer", "description:text",
                "ai_prompt:text", "image_url:text", "animation_style:varchar(50)", "color_mood:varchar(100)",
                "lighting:varchar(100)", "reference_images:jsonb", "notes:text", "status:varchar(50)",
                "created_at:timestamptz");
        table("animations",
                "id:uuid", "project_id:uuid", "beat_name:varchar(255)", "beat_index:integer", "ai_prompt:text",
                "style:varchar(50)", "preview_image_url:text", "video_url:text", "video_duration_seconds:integer",
                "status:varchar(50)", "error_message:text", "generation_params:jsonb", "created_at:timestamptz");
        table("performance_predictions",
                "id:uuid", "project_id:uuid", "input_data:jsonb", "scores:jsonb", "predicted_audience:integer",
                "competitor_audience:integer", "suggestions:jsonb", "model_version:varchar(50)",
                "created_at:timestamptz");
        // media
        table("assets",
                "id:uuid", "organization_id:uuid", "project_id:uuid", "uploaded_by:uuid", "filename:varchar(255)",
                "original_name:varchar(255)", "mime_type:varchar(100)", "size_bytes:bigint", "storage_path:text",
                "cdn_url:text", "thumbnail_url:text", "type:varchar(50)", "category:varchar(100)",
                "ai_generated:boolean", "ai_prompt:text", "metadata:jsonb", "created_at:timestamptz");
        // watch
        table("contents",
                "id:uuid", "project_id:uuid", "organization_id:uuid", "title:varchar(255)",
                "original_title:varchar(255)", "slug:varchar(255)", "description:text", "synopsis:text",
                "type:varchar(50)", "genre:varchar(100)", "sub_genres:jsonb", "rating:varchar(20)",
                "content_warnings:jsonb", "duration_minutes:integer", "season_count:integer",
                "episode_count:integer", "release_year:integer", "release_date:date", "poster_url:text",
                "banner_url:text", "thumbnail_url:text", "trailer_url:text", "video_url:text", "hls_url:text",
                "dash_url:text", "drm_key_id:varchar(255)", "cast_list:jsonb", "crew_list:jsonb",
                "production_company:varchar(255)", "country:varchar(100)", "languages:jsonb", "subtitles:jsonb",
                "view_count:integer", "like_count:integer", "average_rating:numeric(3,2)", "rating_count:integer",
                "match_score:integer", "status:varchar(50)", "visibility:varchar(50)", "featured:boolean",
                "trending_rank:integer", "meta_title:varchar(255)", "meta_description:text",
                "created_at:timestamptz", "updated_at:timestamptz", "published_at:timestamptz");
        table("content_seasons",
                "id:uuid", "content_id:uuid", "season_number:integer", "title:varchar(255)", "description:text",
                "poster_url:text", "episode_count:integer", "release_year:integer", "created_at:timestamptz");
        table("content_episodes",
                "id:uuid", "content_id:uuid", "season_id:uuid", "season_number:integer", "episode_number:integer",
                "title:varchar(255)", "description:text", "duration_minutes:integer", "thumbnail_url:text",
                "video_url:text", "hls_url:text", "release_date:date", "view_count:integer",
                "created_at:timestamptz");
        table("watch_history",
                "id:uuid", "user_id:uuid", "content_id:uuid", "episode_id:uuid", "progress_seconds:integer",
                "duration_seconds:integer", "progress_percent:numeric(5,2)", "completed:boolean",
                "device_type:varchar(50)", "watched_at:timestamptz");
        table("watchlists",
                "id:uuid", "user_id:uuid", "content_id:uuid", "added_at:timestamptz");
        table("content_ratings",
                "id:uuid", "user_id:uuid", "content_id:uuid", "rating:integer", "review:text",
                "helpful_count:integer", "created_at:timestamptz");
        table("content_categories",
                "id:uuid", "name:varchar(100)", "slug:varchar(100)", "description:text", "icon:varchar(50)",
                "display_order:integer", "is_active:boolean", "created_at:timestamptz");
        table("content_category_items",
                "content_id:uuid", "category_id:uuid");
        // invest
        table("campaigns",
                "id:uuid", "project_id:uuid", "organization_id:uuid", "created_by:uuid", "title:varchar(255)",
                "slug:varchar(255)", "tagline:varchar(500)", "description:text", "story:text", "poster_url:text",
                "banner_url:text", "video_url:text", "gallery:jsonb", "goal_amount:numeric(15,2)",
                "raised_amount:numeric(15,2)", "backer_count:integer", "currency:varchar(10)",
                "funding_type:varchar(50)", "equity_offered:numeric(5,2)", "start_date:timestamptz",
                "end_date:timestamptz", "category:varchar(50)", "tags:jsonb", "status:varchar(50)", "risks:text",
                "challenges:text", "update_count:integer", "is_verified:boolean", "verified_at:timestamptz",
                "performance_score:integer", "created_at:timestamptz", "updated_at:timestamptz",
                "launched_at:timestamptz", "funded_at:timestamptz");
        table("campaign_updates",
                "id:uuid", "campaign_id:uuid", "author_id:uuid", "title:varchar(255)", "content:text",
                "visibility:varchar(50)", "like_count:integer", "comment_count:integer", "created_at:timestamptz");
        table("investment_tiers",
                "id:uuid", "campaign_id:uuid", "name:varchar(100)", "description:text", "min_amount:numeric(15,2)",
                "max_amount:numeric(15,2)", "suggested_amount:numeric(15,2)", "benefits:jsonb", "reward_items:jsonb",
                "revenue_share_percent:numeric(5,2)", "equity_percent:numeric(5,2)", "nft_included:boolean",
                "nft_collection_id:varchar(255)", "limit_quantity:integer", "sold_quantity:integer",
                "estimated_delivery:date", "display_order:integer", "is_featured:boolean", "created_at:timestamptz");
        table("investments",
                "id:uuid", "campaign_id:uuid", "user_id:uuid", "tier_id:uuid", "amount:numeric(15,2)",
                "currency:varchar(10)", "payment_status:varchar(50)", "payment_method:varchar(50)",
                "payment_reference:varchar(255)", "payment_gateway:varchar(50)", "platform_fee:numeric(15,2)",
                "payment_fee:numeric(15,2)", "net_amount:numeric(15,2)", "status:varchar(50)", "metadata:jsonb",
                "created_at:timestamptz", "confirmed_at:timestamptz", "refunded_at:timestamptz");
        table("investor_rewards",
                "id:uuid", "investment_id:uuid", "reward_type:varchar(50)", "name:varchar(255)", "description:text",
                "status:varchar(50)", "tracking_number:varchar(255)", "shipping_address:jsonb", "download_url:text",
                "access_code:varchar(255)", "delivered_at:timestamptz", "created_at:timestamptz");
        table("revenue_distributions",
                "id:uuid", "campaign_id:uuid", "period_start:date", "period_end:date", "total_revenue:numeric(15,2)",
                "platform_share:numeric(15,2)", "creator_share:numeric(15,2)", "investor_pool:numeric(15,2)",
                "status:varchar(50)", "distributed_at:timestamptz", "created_at:timestamptz");
        table("investor_payouts",
                "id:uuid", "distribution_id:uuid", "investment_id:uuid", "user_id:uuid",
                "share_percent:numeric(5,2)", "amount:numeric(15,2)", "currency:varchar(10)", "status:varchar(50)",
                "payment_method:varchar(50)", "payment_reference:varchar(255)", "paid_at:timestamptz",
                "created_at:timestamptz");
        // shop
        table("products",
                "id:uuid", "project_id:uuid", "organization_id:uuid", "name:varchar(255)", "slug:varchar(255)",
                "description:text", "short_description:varchar(500)", "category:varchar(50)",
                "sub_category:varchar(100)", "price:numeric(15,2)", "compare_at_price:numeric(15,2)",
                "cost_price:numeric(15,2)", "currency:varchar(10)", "sku:varchar(100)", "barcode:varchar(100)",
                "stock_quantity:integer", "low_stock_threshold:integer", "track_inventory:boolean",
                "allow_backorder:boolean", "has_variants:boolean", "variant_options:jsonb", "images:jsonb",
                "thumbnail_url:text", "weight_grams:integer", "dimensions:jsonb", "is_digital:boolean",
                "digital_file_url:text", "status:varchar(50)", "visibility:varchar(50)", "featured:boolean",
                "meta_title:varchar(255)", "meta_description:text", "view_count:integer", "sold_count:integer",
                "created_at:timestamptz", "updated_at:timestamptz");
        table("product_variants",
                "id:uuid", "product_id:uuid", "title:varchar(255)", "options:jsonb", "price:numeric(15,2)",
                "compare_at_price:numeric(15,2)", "sku:varchar(100)", "stock_quantity:integer", "image_url:text",
                "created_at:timestamptz");
        table("carts",
                "id:uuid", "user_id:uuid", "session_id:varchar(255)", "subtotal:numeric(15,2)", "item_count:integer",
                "created_at:timestamptz", "updated_at:timestamptz");
        table("cart_items",
                "id:uuid", "cart_id:uuid", "product_id:uuid", "variant_id:uuid", "quantity:integer",
                "unit_price:numeric(15,2)", "created_at:timestamptz");
        table("orders",
                "id:uuid", "user_id:uuid", "organization_id:uuid", "order_number:varchar(50)", "status:varchar(50)",
                "subtotal:numeric(15,2)", "discount_amount:numeric(15,2)", "shipping_cost:numeric(15,2)",
                "tax_amount:numeric(15,2)", "total:numeric(15,2)", "currency:varchar(10)",
                "customer_email:varchar(255)", "customer_phone:varchar(50)", "shipping_address:jsonb",
                "billing_address:jsonb", "shipping_method:varchar(100)", "tracking_number:varchar(255)",
                "shipped_at:timestamptz", "delivered_at:timestamptz", "payment_status:varchar(50)",
                "payment_method:varchar(50)", "payment_reference:varchar(255)", "paid_at:timestamptz",
                "discount_code:varchar(100)", "customer_notes:text", "internal_notes:text", "created_at:timestamptz",
                "updated_at:timestamptz");
        table("order_items",
                "id:uuid", "order_id:uuid", "product_id:uuid", "variant_id:uuid", "product_name:varchar(255)",
                "variant_title:varchar(255)", "sku:varchar(100)", "quantity:integer", "unit_price:numeric(15,2)",
                "subtotal:numeric(15,2)", "fulfilled_quantity:integer", "created_at:timestamptz");
        table("discount_codes",
                "id:uuid", "organization_id:uuid", "code:varchar(50)", "description:text", "type:varchar(50)",
                "value:numeric(10,2)", "minimum_order:numeric(15,2)", "maximum_discount:numeric(15,2)",
                "usage_limit:integer", "usage_count:integer", "per_user_limit:integer", "starts_at:timestamptz",
                "expires_at:timestamptz", "is_active:boolean", "product_ids:jsonb", "category_ids:jsonb",
                "created_at:timestamptz");
        // licensing
        table("license_catalog",
                "id:uuid", "project_id:uuid", "is_available:boolean", "available_types:jsonb",
                "available_territories:jsonb", "minimum_guarantee:numeric(15,2)", "royalty_range:jsonb",
                "brand_guidelines_url:text", "asset_kit_url:text", "description:text", "highlights:jsonb",
                "created_at:timestamptz", "updated_at:timestamptz");
        table("license_requests",
                "id:uuid", "project_id:uuid", "requester_user_id:uuid", "company_name:varchar(255)",
                "company_website:varchar(255)", "contact_name:varchar(255)", "contact_email:varchar(255)",
                "contact_phone:varchar(50)", "license_type:varchar(50)", "territory:varchar(100)",
                "duration_years:integer", "proposed_royalty_percent:numeric(5,2)",
                "proposed_minimum_guarantee:numeric(15,2)", "proposed_products:text", "message:text",
                "status:varchar(50)", "assigned_to:uuid", "internal_notes:text", "created_at:timestamptz",
                "updated_at:timestamptz");
        table("license_agreements",
                "id:uuid", "project_id:uuid", "request_id:uuid", "licensor_org_id:uuid", "licensee_user_id:uuid",
                "licensee_company:varchar(255)", "license_type:varchar(50)", "territory:varchar(100)",
                "start_date:date", "end_date:date", "royalty_percent:numeric(5,2)",
                "minimum_guarantee:numeric(15,2)", "advance_payment:numeric(15,2)", "contract_url:text",
                "signed_at:timestamptz", "status:varchar(50)", "created_at:timestamptz", "updated_at:timestamptz");
        table("royalty_reports",
                "id:uuid", "agreement_id:uuid", "period_start:date", "period_end:date",
                "gross_revenue:numeric(15,2)", "net_revenue:numeric(15,2)", "royalty_amount:numeric(15,2)",
                "sales_breakdown:jsonb", "status:varchar(50)", "paid_at:timestamptz",
                "payment_reference:varchar(255)", "submitted_at:timestamptz", "created_at:timestamptz");
        // community
        table("communities",
                "id:uuid", "project_id:uuid", "organization_id:uuid", "name:varchar(255)", "slug:varchar(100)",
                "description:text", "avatar_url:text", "banner_url:text", "settings:jsonb", "rules:jsonb",
                "member_count:integer", "post_count:integer", "status:varchar(50)", "visibility:varchar(50)",
                "auto_mod_settings:jsonb", "created_at:timestamptz", "updated_at:timestamptz");
        table("community_members",
                "id:uuid", "community_id:uuid", "user_id:uuid", "role:varchar(50)", "reputation:integer",
                "post_count:integer", "status:varchar(50)", "muted_until:timestamptz", "banned_at:timestamptz",
                "ban_reason:text", "notification_settings:jsonb", "joined_at:timestamptz");
        table("discussions",
                "id:uuid", "community_id:uuid", "author_id:uuid", "title:varchar(255)", "content:text",
                "content_html:text", "type:varchar(50)", "attachments:jsonb", "poll_options:jsonb",
                "poll_ends_at:timestamptz", "upvotes:integer", "downvotes:integer", "score:integer",
                "comment_count:integer", "view_count:integer", "pinned:boolean", "locked:boolean",
                "status:varchar(50)", "removed_reason:text", "tags:jsonb", "created_at:timestamptz",
                "updated_at:timestamptz");
        table("discussion_comments",
                "id:uuid", "discussion_id:uuid", "author_id:uuid", "parent_id:uuid", "content:text",
                "content_html:text", "upvotes:integer", "downvotes:integer", "score:integer", "status:varchar(50)",
                "created_at:timestamptz", "updated_at:timestamptz");
        table("discussion_votes",
                "id:uuid", "user_id:uuid", "discussion_id:uuid", "comment_id:uuid", "vote_type:varchar(10)",
                "created_at:timestamptz");
        table("fan_contents",
                "id:uuid", "community_id:uuid", "author_id:uuid", "type:varchar(50)", "title:varchar(255)",
                "description:text", "media_url:text", "thumbnail_url:text", "media_type:varchar(50)",
                "video_platform:varchar(50)", "video_embed_url:text", "duration_seconds:integer",
                "view_count:integer", "like_count:integer", "comment_count:integer", "share_count:integer",
                "status:varchar(50)", "featured:boolean", "tags:jsonb", "created_at:timestamptz",
                "updated_at:timestamptz");
        table("fan_content_comments",
                "id:uuid", "content_id:uuid", "author_id:uuid", "parent_id:uuid", "content:text",
                "like_count:integer", "created_at:timestamptz");
        table("fan_content_likes",
                "user_id:uuid", "content_id:uuid", "created_at:timestamptz");
        table("events",
                "id:uuid", "community_id:uuid", "created_by:uuid", "title:varchar(255)", "description:text",
                "event_type:varchar(50)", "platform:varchar(50)", "event_url:text", "location:text",
                "cover_image_url:text", "event_date:timestamptz", "end_date:timestamptz", "timezone:varchar(50)",
                "max_attendees:integer", "current_attendees:integer", "rsvp_required:boolean",
                "rsvp_deadline:timestamptz", "status:varchar(50)", "interested_count:integer",
                "created_at:timestamptz", "updated_at:timestamptz");
        table("event_rsvps",
                "id:uuid", "event_id:uuid", "user_id:uuid", "status:varchar(50)", "reminder_sent:boolean",
                "created_at:timestamptz", "updated_at:timestamptz");
        table("badges",
                "id:uuid", "community_id:uuid", "name:varchar(100)", "description:text", "icon_url:text",
                "criteria_type:varchar(50)", "criteria_value:integer", "rarity:varchar(50)", "is_active:boolean",
                "created_at:timestamptz");
        table("user_badges",
                "id:uuid", "user_id:uuid", "badge_id:uuid", "community_id:uuid", "awarded_by:uuid",
                "awarded_at:timestamptz");
        // notification
        table("notifications",
                "id:uuid", "user_id:uuid", "type:varchar(50)", "title:varchar(255)", "message:text",
                "reference_type:varchar(50)", "reference_id:uuid", "actor_id:uuid", "read:boolean",
                "read_at:timestamptz", "created_at:timestamptz");
        table("user_follows",
                "follower_id:uuid", "following_id:uuid", "created_at:timestamptz");
        // audit
        table("audit_logs",
                "id:uuid", "organization_id:uuid", "user_id:uuid", "action:varchar(100)", "entity_type:varchar(50)",
                "entity_id:uuid", "old_values:jsonb", "new_values:jsonb", "ip_address:varchar(50)",
                "user_agent:text", "metadata:jsonb", "created_at:timestamptz");
        // platform
        table("system_settings",
                "key:varchar(100)", "value:jsonb", "description:text", "updated_at:timestamptz");
        table("feature_flags",
                "id:uuid", "key:varchar(100)", "description:text", "enabled:boolean", "target_type:varchar(50)",
                "target_value:jsonb", "created_at:timestamptz", "updated_at:timestamptz");
        table("webhooks",
                "id:uuid", "organization_id:uuid", "url:text", "secret:varchar(255)", "events:jsonb",
                "is_active:boolean", "last_triggered_at:timestamptz", "failure_count:integer",
                "created_at:timestamptz");
        table("webhook_logs",
                "id:uuid", "webhook_id:uuid", "event_type:varchar(100)", "payload:jsonb", "status_code:integer",
                "response_body:text", "duration_ms:integer", "created_at:timestamptz");
    }

    /** The ERD's "Index Definitions": index name, table. */
    static final Map<String, String> ERD_INDEXES = pairs(
            "idx_org_members_org", "organization_members",
            "idx_org_members_user", "organization_members",
            "idx_users_email", "users",
            "idx_users_wallet", "users",
            "idx_projects_org", "projects",
            "idx_projects_user", "projects",
            "idx_projects_status", "projects",
            "idx_characters_project", "characters",
            "idx_moodboards_project", "moodboards",
            "idx_animations_project", "animations",
            "idx_contents_status", "contents",
            "idx_contents_type", "contents",
            "idx_episodes_content", "content_episodes",
            "idx_watch_history_user", "watch_history",
            "idx_watch_history_content", "watch_history",
            "idx_watchlists_user", "watchlists",
            "idx_campaigns_status", "campaigns",
            "idx_campaigns_project", "campaigns",
            "idx_investments_campaign", "investments",
            "idx_investments_user", "investments",
            "idx_investments_status", "investments",
            "idx_products_project", "products",
            "idx_products_category", "products",
            "idx_products_status", "products",
            "idx_orders_user", "orders",
            "idx_orders_status", "orders",
            "idx_order_items_order", "order_items",
            "idx_communities_project", "communities",
            "idx_community_members_community", "community_members",
            "idx_community_members_user", "community_members",
            "idx_discussions_community", "discussions",
            "idx_discussions_author", "discussions",
            "idx_discussion_comments_discussion", "discussion_comments",
            "idx_fan_contents_community", "fan_contents",
            "idx_events_community", "events",
            "idx_events_date", "events",
            "idx_audit_org", "audit_logs",
            "idx_audit_user", "audit_logs",
            "idx_audit_entity", "audit_logs",
            "idx_audit_created", "audit_logs",
            "idx_notifications_user", "notifications",
            "idx_notifications_read", "notifications");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theErdHasSixtyFourTables() {
        assertThat(ERD_TABLES).hasSize(64);
        // 873 ERD columns less the five story details that are the project's (docs/schema.md)
        assertThat(ERD_TABLES.values().stream().mapToInt(List::size).sum()).isEqualTo(868);
    }

    @Test
    void exactlyTheErdTablesExistBesideTheAllowedInfrastructureTables() {
        List<String> actual = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""")
                .query(String.class).list();

        Set<String> missing = new TreeSet<>(ERD_TABLES.keySet());
        missing.removeAll(actual);
        Set<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(ERD_TABLES.keySet());
        unexpected.removeAll(NON_ERD_TABLES);

        assertThat(missing).as("ERD tables missing from schema public").isEmpty();
        assertThat(unexpected).as("tables neither in the ERD nor in NON_ERD_TABLES").isEmpty();
    }

    @Test
    void everyErdColumnExistsWithItsType() {
        Map<String, String> actual = new HashMap<>();
        jdbc.sql("""
                SELECT table_name, column_name, data_type, character_maximum_length::int AS length,
                       numeric_precision::int AS precision, numeric_scale::int AS scale
                FROM information_schema.columns WHERE table_schema = 'public'""")
                .query(rs -> {
                    actual.put(rs.getString("table_name") + "." + rs.getString("column_name"),
                            shortType(rs.getString("data_type"), (Integer) rs.getObject("length"),
                                    (Integer) rs.getObject("precision"), (Integer) rs.getObject("scale")));
                });

        List<String> mismatches = new ArrayList<>();
        ERD_TABLES.forEach((table, columns) -> columns.forEach(spec -> {
            String column = spec.substring(0, spec.indexOf(':'));
            String expectedType = spec.substring(spec.indexOf(':') + 1);
            String actualType = actual.get(table + "." + column);
            if (actualType == null) {
                mismatches.add(table + "." + column + ": missing (expected " + expectedType + ")");
            } else if (!actualType.equals(expectedType)) {
                mismatches.add(table + "." + column + ": expected " + expectedType + " but is " + actualType);
            }
        }));

        assertThat(mismatches).as("column mismatches").isEmpty();
    }

    @Test
    void everyIndexOfTheErdIndexListExists() {
        Map<String, String> actual = new HashMap<>();
        jdbc.sql("SELECT indexname, tablename FROM pg_indexes WHERE schemaname = 'public'")
                .query(rs -> {
                    actual.put(rs.getString("indexname"), rs.getString("tablename"));
                });

        List<String> problems = new ArrayList<>();
        ERD_INDEXES.forEach((index, table) -> {
            if (!actual.containsKey(index)) {
                problems.add(index + " on " + table + ": missing");
            } else if (!actual.get(index).equals(table)) {
                problems.add(index + ": on " + actual.get(index) + " instead of " + table);
            }
        });

        assertThat(problems).as("ERD indexes").isEmpty();
    }

    @Test
    void platformRoleDefaultsToUser() {
        String email = unique() + "@example.com";
        try {
            String role = jdbc.sql("INSERT INTO users (email) VALUES (:email) RETURNING platform_role")
                    .param("email", email).query(String.class).single();
            assertThat(role).isEqualTo("user");
        } finally {
            jdbc.sql("DELETE FROM users WHERE email = :email").param("email", email).update();
        }
    }

    @Test
    void emailsAreUniqueIgnoringCase() {
        String local = unique();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO users (email) VALUES (:lower), (:upper)""")
                .param("lower", local + "@example.com")
                .param("upper", local.toUpperCase() + "@EXAMPLE.COM")
                .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .satisfies(e -> assertViolation(e, "23505", "ux_users_email_lower"));
    }

    static Stream<Arguments> rowsBreakingAConstraint() {
        return Stream.of(
                Arguments.of("ck_users_status", """
                        INSERT INTO users (email, status) VALUES ('%s@example.com', 'bogus')"""),
                Arguments.of("ck_users_platform_role", """
                        INSERT INTO users (email, platform_role) VALUES ('%s@example.com', 'root')"""),
                Arguments.of("ck_product_variants_stock_quantity", """
                        WITH p AS (INSERT INTO products (name, category, price) VALUES ('%s', 'apparel', 10)
                                   RETURNING id)
                        INSERT INTO product_variants (product_id, options, stock_quantity)
                        SELECT id, '{"size": "L"}', -1 FROM p"""),
                Arguments.of("ck_products_price", """
                        INSERT INTO products (name, category, price) VALUES ('%s', 'apparel', -0.01)"""),
                Arguments.of("ck_credit_balances_balance", """
                        WITH o AS (INSERT INTO organizations (name, slug) VALUES ('o', '%s') RETURNING id)
                        INSERT INTO credit_balances (organization_id, balance) SELECT id, -1 FROM o"""),
                Arguments.of("ck_organization_members_role", """
                        WITH o AS (INSERT INTO organizations (name, slug) VALUES ('o', '%1$s') RETURNING id),
                             u AS (INSERT INTO users (email) VALUES ('%1$s@example.com') RETURNING id)
                        INSERT INTO organization_members (organization_id, user_id, role)
                        SELECT o.id, u.id, 'superuser' FROM o, u"""),
                Arguments.of("ck_content_ratings_rating", """
                        WITH u AS (INSERT INTO users (email) VALUES ('%1$s@example.com') RETURNING id),
                             c AS (INSERT INTO contents (title, type) VALUES ('%1$s', 'movie') RETURNING id)
                        INSERT INTO content_ratings (user_id, content_id, rating)
                        SELECT u.id, c.id, 6 FROM u, c"""),
                Arguments.of("ck_discount_codes_value", """
                        INSERT INTO discount_codes (code, type, value) VALUES ('%s', 'percentage', 150)"""),
                Arguments.of("ck_investment_tiers_sold_quantity", """
                        WITH c AS (INSERT INTO campaigns (title, goal_amount) VALUES ('%s', 1000) RETURNING id)
                        INSERT INTO investment_tiers (campaign_id, name, min_amount, limit_quantity, sold_quantity)
                        SELECT id, 'Gold', 100, 10, 11 FROM c"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsBreakingAConstraint")
    void checkConstraintRejectsABadRow(String constraint, String sqlTemplate) {
        String sql = sqlTemplate.formatted(unique());
        assertThatThrownBy(() -> jdbc.sql(sql).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .satisfies(e -> assertViolation(e, "23514", constraint));
    }

    @Test
    void aMissingParentIdIsRejected() {
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO sessions (token_hash, expires_at) VALUES (:hash, NOW())""")
                .param("hash", unique()).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .satisfies(e -> assertViolation(e, "23502", "user_id"));
    }

    /** Asserts that the failure comes from PostgreSQL with the SQLSTATE and names the constraint or column. */
    static void assertViolation(Throwable failure, String sqlState, String name) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                assertThat(sql.getMessage()).contains("\"" + name + "\"");
                return;
            }
        }
        fail("expected SQLSTATE " + sqlState + " naming " + name + " but got " + failure);
    }

    static String shortType(String dataType, Integer length, Integer precision, Integer scale) {
        return switch (dataType) {
            case "character varying" -> "varchar(" + length + ")";
            case "numeric" -> "numeric(" + precision + "," + scale + ")";
            case "timestamp with time zone" -> "timestamptz";
            default -> dataType;
        };
    }

    static String unique() {
        return "t" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void table(String name, String... columns) {
        if (ERD_TABLES.put(name, List.of(columns)) != null) {
            throw new IllegalStateException("table listed twice: " + name);
        }
    }

    private static Map<String, String> pairs(String... namesAndTables) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTables.length; i += 2) {
            map.put(namesAndTables[i], namesAndTables[i + 1]);
        }
        return map;
    }
}
