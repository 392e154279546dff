package id.modo.verse.audit;

import id.modo.verse.common.AuditedEvent;

/**
 * An audited event whose row its publisher writes inside the statement that makes the change, through
 * {@link AuditRows}, so {@link AuditTrail} does not write it again when the event is published. For changes
 * that hold a contended row lock (an organization's credit balance), where a second statement under the lock
 * would halve how many changes the row takes per second.
 */
public interface AuditedInStatement extends AuditedEvent {
}
