package id.modo.verse.studio.ai;

import id.modo.verse.ai.AiFieldButtons;
import id.modo.verse.ai.GenerationType;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The flows' buttons a project page offers its reader: only for those who may edit the flow's section and generate in
 * the organization, each with its price or the reason nothing can generate.
 */
@Component
public class StudioAiButtons {

    private final AiFieldButtons buttons;

    StudioAiButtons(AiFieldButtons buttons) {
        this.buttons = buttons;
    }

    /** By flow key; a flow the reader may not run is absent. */
    public Map<String, StudioAiButton> of(UserId reader, ProjectView project, List<AiFlow> flows) {
        Map<String, StudioAiButton> offered = new LinkedHashMap<>();
        for (AiFlow flow : flows) {
            if (!project.canEdit(flow.section())) {
                continue;
            }
            buttons.forField(reader, project.organizationId(), project.id().value(), flow.type()).ifPresent(button -> offered.put(flow.key(),
                    new StudioAiButton(flow.key(), "/projects/" + project.id() + "/ai/" + flow.key(), button.credits(), button.notConfigured())));
        }
        return offered;
    }

    /** "Generate a picture" of a character for who may edit characters and generate, or null. */
    public StudioAiButton picture(UserId reader, ProjectView project, java.util.UUID characterId) {
        if (!project.canEdit(id.modo.verse.studio.Section.CHARACTERS)) {
            return null;
        }
        return buttons.forField(reader, project.organizationId(), project.id().value(), GenerationType.CHARACTER_IMAGE)
                .map(button -> new StudioAiButton("character_image", "/projects/" + project.id() + "/characters/" + characterId + "/ai/image",
                        button.credits(), button.notConfigured()))
                .orElse(null);
    }
}
