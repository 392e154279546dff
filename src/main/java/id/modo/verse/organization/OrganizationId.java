package id.modo.verse.organization;

import java.util.UUID;

public record OrganizationId(UUID value) {

    public OrganizationId {
        if (value == null) {
            throw new IllegalArgumentException("An organization id is required");
        }
    }

    public static OrganizationId of(UUID value) {
        return new OrganizationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
