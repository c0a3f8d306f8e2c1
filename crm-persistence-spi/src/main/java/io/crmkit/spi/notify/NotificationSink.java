package io.crmkit.spi.notify;

/**
 * Where notifications go: the host's e-mail, app push, work feed or chat. Implemented by the host.
 *
 * <p>Contract: {@link #deliver} returns normally once the notification is accepted, and throws any
 * exception when it was not (it will be retried with backoff, and parked after repeated failures).
 * Delivery is at least once: the same notification may arrive again after a crash between delivery
 * and acknowledgement, always with the same {@link Notification#deduplicationKey()}, which the sink
 * may use to drop repeats. It may be called from several threads at once.
 */
@FunctionalInterface
public interface NotificationSink {
    /** Delivers one notification, or throws if it could not. */
    void deliver(Notification notification);
}
