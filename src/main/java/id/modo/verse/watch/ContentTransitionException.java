package id.modo.verse.watch;

import id.modo.verse.common.IllegalTransitionException;

/** A status move a content's life does not allow: 409 with the moves it does allow. */
class ContentTransitionException extends IllegalTransitionException {

    ContentTransitionException(ContentStatus from, ContentStatus to) {
        super(WatchProblems.ILLEGAL_TRANSITION, "A " + from.dbValue() + " content cannot become " + to.dbValue() + ". It can become: "
                + String.join(", ", from.next().stream().map(ContentStatus::dbValue).toList()) + ".",
                from.dbValue(), to.dbValue(), from.next().stream().map(ContentStatus::dbValue).toList());
    }
}
