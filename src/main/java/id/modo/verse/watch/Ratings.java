package id.modo.verse.watch;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.Accounts;
import id.modo.verse.identity.UserId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fans' ratings (1–5) of published titles, each with an optional review in Markdown, one per fan and title; helpful votes
 * on reviews. {@code contents.average_rating} and {@code rating_count} are recomputed from the ratings in the same
 * transaction as each change, after taking the title's row lock first: changes to one title's ratings then run one after
 * another and each aggregate reads every committed rating, so concurrent votes can neither be lost nor counted twice.
 */
@Service
public class Ratings {

    private final JdbcClient jdbc;
    private final ViewerAccess access;
    private final Accounts accounts;
    private final Clock clock;
    private final MatchScoreRefresh matchScores;

    Ratings(JdbcClient jdbc, ViewerAccess access, Accounts accounts, Clock clock, MatchScoreRefresh matchScores) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
        this.matchScores = matchScores;
    }

    /** One fan's rating as others see it; {@code votedHelpful} is the reader's own vote. */
    public record Review(UUID id, UserId author, String authorName, int rating, String review, int helpfulCount, Instant createdAt,
            Instant updatedAt, boolean mine, boolean votedHelpful) {
    }

    /** A title's public average (null before its first rating) and how many rated it. */
    public record Summary(BigDecimal average, int count) {
    }

    /** The title's ratings newest first, for a reader who may see it. */
    public Page<Review> page(UserId reader, ContentId content, String cursor, int limit) {
        requireRateable(reader, content);
        KeysetCursor after = Keyset.after(cursor);
        List<Review> rows = jdbc.sql("""
                select r.*, exists (select 1 from content_rating_votes v where v.rating_id = r.id and v.user_id = :reader) as voted
                from content_ratings r
                where r.content_id = :content and r.rating is not null
                  and (cast(:afterAt as timestamptz) is null or (r.created_at, r.id) < (:afterAt, :afterId))
                order by r.created_at desc, r.id desc limit :fetch""")
                .param("reader", reader.value()).param("content", content.value())
                .param("afterAt", after == null ? null : after.createdAt().atOffset(ZoneOffset.UTC))
                .param("afterId", after == null ? null : after.id())
                .param("fetch", Keyset.fetch(limit))
                .query((rs, n) -> {
                    UserId author = UserId.of(rs.getObject("user_id", UUID.class));
                    return new Review(rs.getObject("id", UUID.class), author, null, rs.getInt("rating"), rs.getString("review"),
                            rs.getInt("helpful_count"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                            author.equals(reader), rs.getBoolean("voted"));
                })
                .list();
        return named(Keyset.page(rows, limit, r -> new KeysetCursor(r.createdAt(), r.id())));
    }

    /** The reader's own rating of a title they may see, if any. */
    public Optional<Review> mine(UserId reader, ContentId content) {
        requireRateable(reader, content);
        return find(reader, content);
    }

    private Optional<Review> find(UserId reader, ContentId content) {
        return jdbc.sql("select * from content_ratings where user_id = ? and content_id = ? and rating is not null")
                .params(reader.value(), content.value())
                .query((rs, n) -> new Review(rs.getObject("id", UUID.class), reader, null, rs.getInt("rating"), rs.getString("review"),
                        rs.getInt("helpful_count"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), true,
                        false))
                .optional();
    }

    public Summary summary(ContentId content) {
        return jdbc.sql("select average_rating, rating_count from contents where id = ?").param(content.value())
                .query((rs, n) -> new Summary(rs.getBigDecimal("average_rating"), rs.getInt("rating_count"))).optional()
                .orElseThrow(Catalogue::notFound);
    }

    /** Sets the reader's rating and review of a title (a blank review removes it); answers the rating as kept. */
    @Transactional
    public Review rate(UserId reader, ContentId content, int rating, String review) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("A rating is 1 to 5: " + rating);
        }
        requireRateable(reader, content);
        lockTitle(content);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into content_ratings (user_id, content_id, rating, review, created_at, updated_at) values (?, ?, ?, ?, ?, ?)
                on conflict (user_id, content_id) do update set rating = excluded.rating, review = excluded.review, updated_at = excluded.updated_at""")
                .params(reader.value(), content.value(), rating, review == null || review.isBlank() ? null : review.strip(), now, now).update();
        recount(content);
        matchScores.soon(reader);
        return find(reader, content).orElseThrow();
    }

    /** Removes the reader's rating (and its review and votes); removing one that is not there changes nothing. */
    @Transactional
    public void remove(UserId reader, ContentId content) {
        requireRateable(reader, content);
        lockTitle(content);
        if (jdbc.sql("delete from content_ratings where user_id = ? and content_id = ?").params(reader.value(), content.value()).update() > 0) {
            recount(content);
            matchScores.soon(reader);
        }
    }

    /** Marks (or unmarks) another fan's review as helpful; once per reader, so repeating it changes nothing. */
    @Transactional
    public int helpful(UserId reader, ContentId content, UUID ratingId, boolean helpful) {
        requireRateable(reader, content);
        UserId author = jdbc.sql("select user_id from content_ratings where id = ? and content_id = ? for no key update")
                .params(ratingId, content.value()).query((rs, n) -> UserId.of(rs.getObject("user_id", UUID.class))).optional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such rating."));
        if (author.equals(reader)) {
            throw new ProblemException(WatchProblems.OWN_REVIEW, "You cannot vote on your own review.");
        }
        int changed = helpful
                ? jdbc.sql("insert into content_rating_votes (rating_id, user_id, created_at) values (?, ?, ?) on conflict do nothing")
                        .params(ratingId, reader.value(), Timestamp.from(clock.instant())).update()
                : jdbc.sql("delete from content_rating_votes where rating_id = ? and user_id = ?").params(ratingId, reader.value()).update();
        if (changed > 0) {
            // The review's row lock above orders votes on it, so the count read here includes every committed vote.
            jdbc.sql("update content_ratings set helpful_count = (select count(*) from content_rating_votes where rating_id = :id) where id = :id")
                    .param("id", ratingId).update();
        }
        return jdbc.sql("select helpful_count from content_ratings where id = ?").param(ratingId).query(Integer.class).single();
    }

    /** Only a published title the reader may see takes ratings; anything else is 404, as if it did not exist. */
    private void requireRateable(UserId reader, ContentId content) {
        if (!rateable(reader, content)) {
            throw Catalogue.notFound();
        }
    }

    /** Whether the reader may read and give ratings of the title: published and visible to them. */
    public boolean rateable(UserId reader, ContentId content) {
        return jdbc.sql("select organization_id, status, visibility from contents where id = ?").param(content.value())
                .query((rs, n) -> {
                    ContentStatus status = ContentStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT));
                    return status == ContentStatus.PUBLISHED && access.of(reader, rs.getObject("organization_id", UUID.class), status,
                            ContentVisibility.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT))).visible();
                })
                .optional().orElse(false);
    }

    private void lockTitle(ContentId content) {
        jdbc.sql("select id from contents where id = ? for no key update").param(content.value()).query(UUID.class).optional()
                .orElseThrow(Catalogue::notFound);
    }

    /** A statement after the lock sees every rating committed before it; the row's version is left alone (publishers never write these columns). */
    void recount(ContentId content) {
        jdbc.sql("""
                update contents set rating_count = agg.n, average_rating = agg.average
                from (select count(*) as n, round(avg(rating), 2) as average from content_ratings where content_id = :id and rating is not null) agg
                where contents.id = :id""")
                .param("id", content.value()).update();
    }

    private Page<Review> named(Page<Review> page) {
        Map<UserId, Accounts.Person> people = accounts.people(page.items().stream().map(Review::author).toList());
        return page.map(r -> new Review(r.id(), r.author(), Optional.ofNullable(people.get(r.author())).map(Accounts.Person::name).orElse(null),
                r.rating(), r.review(), r.helpfulCount(), r.createdAt(), r.updatedAt(), r.mine(), r.votedHelpful()));
    }
}
