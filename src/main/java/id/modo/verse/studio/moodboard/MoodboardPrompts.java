package id.modo.verse.studio.moodboard;

import id.modo.verse.ai.Generation;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.VersionedContent;
import id.modo.verse.studio.Versions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An item's image prompt as a versioned text, so "Write prompt" goes the way of every Studio AI flow: the written prompt
 * is a proposal ({@link Versions#propose}) with its word diff against the item's prompt, and only Accept writes it into
 * the item; a prompt typed by hand since is a save, which makes accepting the older proposal 409 {@code edit-conflict}.
 */
@Component
class MoodboardPrompts implements VersionedContent {

    static final String ENTITY_TYPE = "moodboard";
    static final String SECTION = "ai_prompt";

    private final MoodboardItems items;
    private final Versions versions;
    private final TransactionTemplate transactions;
    private final MessageSource messages;

    MoodboardPrompts(MoodboardItems items, Versions versions, TransactionTemplate transactions, MessageSource messages) {
        this.items = items;
        this.versions = versions;
        this.transactions = transactions;
        this.messages = messages;
    }

    /**
     * Ends the item's prompt generation once (of two readers settling it, one does): a written prompt becomes a proposal
     * by who asked for it, beside the item's prompt, recorded first as the section's current text when it never was, so
     * the diff is against what the item shows. True when the item changed.
     */
    boolean settle(MoodboardItem item, Generation generation, String written, String error) {
        Boolean settled = transactions.execute(status -> {
            if (!items.settlePrompt(item.id(), item.promptGenerationId(), null, error)) {
                return false;
            }
            if (written != null && !written.isBlank()) {
                ProjectId project = ProjectId.of(item.projectId());
                UserId author = UserId.of(generation.userId());
                if (versions.current(ENTITY_TYPE, item.id(), SECTION).isEmpty() && item.aiPrompt() != null) {
                    versions.save(project, ENTITY_TYPE, item.id(), SECTION, item.aiPrompt(), 0, author);
                }
                versions.propose(project, ENTITY_TYPE, item.id(), SECTION, written, author, generation.id().value());
            }
            return true;
        });
        return Boolean.TRUE.equals(settled);
    }

    /** A prompt typed by hand, as a save of the section (in the caller's transaction), so an older proposal no longer fits. */
    void saved(ProjectId project, UUID itemId, String before, String after, UserId author) {
        String old = before == null ? "" : before;
        String now = after == null ? "" : after;
        if (old.equals(now)) {
            return;
        }
        int base = versions.current(ENTITY_TYPE, itemId, SECTION).map(Version::number).orElse(0);
        versions.save(project, ENTITY_TYPE, itemId, SECTION, now, base, author);
    }

    /** The pending prompt proposal of each item that has one, by item. */
    Map<UUID, UUID> proposals(UserId reader, ProjectId project) {
        Map<UUID, UUID> byItem = new LinkedHashMap<>();
        versions.pendingProposals(reader, project).stream()
                .filter(v -> ENTITY_TYPE.equals(v.entityType()) && SECTION.equals(v.section()))
                .forEach(v -> byItem.putIfAbsent(v.entityId(), v.id()));
        return byItem;
    }

    @Override
    public String entityType() {
        return ENTITY_TYPE;
    }

    @Override
    public Section accessSection() {
        return Section.STORY;
    }

    @Override
    public void apply(ProjectId project, UUID entityId, String section, String content) {
        if (!SECTION.equals(section)) {
            throw new ProblemException(ProblemType.CONFLICT, "A moodboard item has no versioned part " + section + ".");
        }
        if (!items.acceptPrompt(project.value(), entityId, content)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "The moodboard item of this version no longer exists.");
        }
    }

    @Override
    public String typeLabel(Locale locale) {
        return messages.getMessage("moodboard.title", null, null, locale);
    }

    @Override
    public String sectionLabel(String section, Locale locale) {
        return SECTION.equals(section) ? messages.getMessage("moodboard.field.ai_prompt", null, null, locale) : null;
    }
}
