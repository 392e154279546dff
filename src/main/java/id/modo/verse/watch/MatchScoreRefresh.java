package id.modo.verse.watch;

import id.modo.verse.identity.UserId;

/**
 * Asks for a user's match scores to be recomputed soon (after a rating): a request while one is already waiting joins
 * it, so many ratings in a row cost one run.
 */
@FunctionalInterface
public interface MatchScoreRefresh {

    void soon(UserId user);
}
