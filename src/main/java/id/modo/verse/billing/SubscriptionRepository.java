package id.modo.verse.billing;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SubscriptionRepository extends JpaRepository<Subscription, UUID> {

    @Query("select s from Subscription s where s.organizationId = ?1 and s.status <> id.modo.verse.billing.SubscriptionStatus.CANCELED")
    Optional<Subscription> findCurrent(UUID organizationId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Subscription s where s.organizationId = ?1 and s.status <> id.modo.verse.billing.SubscriptionStatus.CANCELED")
    Optional<Subscription> lockCurrent(UUID organizationId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Subscription s where s.id = ?1")
    Optional<Subscription> lock(UUID id);

    @Query("select count(s) > 0 from Subscription s where s.organizationId = ?1 and s.trialStart is not null")
    boolean hasTrialed(UUID organizationId);

    /** Paid or trialing subscriptions whose period is over and that are not waiting for a retry. */
    @Query("""
            select s.id from Subscription s
            where s.status in (id.modo.verse.billing.SubscriptionStatus.ACTIVE, id.modo.verse.billing.SubscriptionStatus.PAST_DUE,
                               id.modo.verse.billing.SubscriptionStatus.TRIALING)
              and s.plan <> 'free' and s.currentPeriodEnd <= ?1 and (s.nextRetryAt is null or s.nextRetryAt <= ?1)
            order by s.currentPeriodEnd""")
    List<UUID> findDue(Instant now, org.springframework.data.domain.Limit limit);
}
