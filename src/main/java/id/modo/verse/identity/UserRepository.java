package id.modo.verse.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, UUID> {

    /** Uses the unique index on lower(email). */
    @Query("select u from User u where lower(u.email) = lower(:email)")
    Optional<User> findByEmail(String email);

    Optional<User> findByGoogleId(String googleId);

    Optional<User> findByGithubId(String githubId);

    Optional<User> findByDiscordId(String discordId);

    default Optional<User> findByProviderId(OAuthProvider provider, String providerUserId) {
        return switch (provider) {
            case GOOGLE -> findByGoogleId(providerUserId);
            case GITHUB -> findByGithubId(providerUserId);
            case DISCORD -> findByDiscordId(providerUserId);
        };
    }

    @Query("select count(u) > 0 from User u where lower(u.username) = lower(:username) and u.id <> :except")
    boolean usernameTaken(String username, UUID except);
}
