package id.modo.verse.studio.character;

import id.modo.verse.common.web.PathIdConverter;
import org.springframework.stereotype.Component;

/** Lets controllers take a {@link CharacterId} from the path; a malformed one is 400 in the API and 404 on a page. */
@Component
class CharacterIdConverter extends PathIdConverter<CharacterId> {

    CharacterIdConverter() {
        super(CharacterId::of);
    }
}
