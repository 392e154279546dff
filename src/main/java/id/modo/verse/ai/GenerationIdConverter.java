package id.modo.verse.ai;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

@Component
class GenerationIdConverter extends PathIdConverter<GenerationId> {

    GenerationIdConverter() {
        super(GenerationId::of);
    }
}
