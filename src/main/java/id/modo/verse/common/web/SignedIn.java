package id.modo.verse.common.web;

import java.util.UUID;

/**
 * The signed-in principal as shared code sees it: who it is, by the user's id. The identity module's
 * principal implements it, so code in {@code common} (the jobs API) knows the caller without depending on identity.
 */
public interface SignedIn {

    UUID userId();
}
