package id.modo.verse.payment;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

    /** The payment with its row locked until the transaction ends, so notifications for it apply one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> lockById(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.gateway = :gateway and p.gatewayReference = :reference")
    Optional<Payment> lockByGatewayReference(String gateway, String reference);

    /** An organization's payments for {@code reference} in one of {@code statuses} whose gateway opened a checkout, newest first. */
    @Query("""
            select p from Payment p
            where p.organizationId = :organizationId and p.purpose = :purpose and p.reference = :reference
              and p.status in :statuses and p.checkoutUrl is not null
            order by p.createdAt desc""")
    List<Payment> findWithCheckout(UUID organizationId, PaymentPurpose purpose, String reference,
            java.util.Collection<PaymentStatus> statuses, Limit limit);

    @Query("select p.id from Payment p where p.status in :statuses and p.createdAt < :before order by p.createdAt")
    List<UUID> findIdsByStatusCreatedBefore(java.util.Collection<PaymentStatus> statuses, Instant before, Limit limit);
}
