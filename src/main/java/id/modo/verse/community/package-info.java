/**
 * Community (Fandom): communities per IP with members, discussions, nested comments and votes, fan content, events with RSVPs and badges. Owns communities, community_members, discussions, discussion_comments, discussion_votes, fan_contents, fan_content_comments, fan_content_likes, events, event_rsvps, badges, user_badges.
 * Its tables are created by the migrations in {@code db/migration/community}; its features come with their issues.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "common :: web", "identity", "media", "organization"})
package id.modo.verse.community;
