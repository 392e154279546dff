/**
 * Studio: the IP bible workspace: projects and collaborators, stories and structure beats, characters, universes, moodboards, animations and audience predictions. Owns projects, project_collaborators, stories, characters, universes, moodboards, animations, performance_predictions.
 * Its tables are created by the migrations in {@code db/migration/studio}; its features come with their issues.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ai", "common", "common :: web", "common :: jobs", "billing", "identity", "media", "organization"})
package id.modo.verse.studio;
