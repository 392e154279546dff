package id.modo.verse.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The personal match score (0–100) of titles for one user; no database, so the rules are tested on fixed fixtures.
 *
 * <p>Each title the user rated or watched is a <em>signal</em> of how much they liked it, from −1 to 1: a rating r is
 * (r − 3) / 2; without a rating, finishing it is 0.5 and starting it 0.25. Content-based part: a candidate's
 * similarity to a signal title is the Jaccard index of their features (genre and sub-genres, cast names, categories);
 * the part is the signals weighted by similarity, Σ s·w / (Σ s + {@value #SHRINK}), over the {@value #NEIGHBOURS} most
 * similar signal titles, so one faint resemblance does not make a perfect match. Collaborative part, once there are
 * enough ratings: two titles are neighbours when at least {@value #MIN_CO_RATERS} other users rated both, their
 * similarity the adjusted cosine of those users' ratings (each minus the user's mean); the part is the user's own
 * deviations from their mean rating, halved to the signal scale and weighted by that similarity. Both present, the
 * match is their mean; the score is 50 + 50 × match. The reason names the signal title that added the most.
 */
final class MatchScorer {

    static final int NEIGHBOURS = 5;
    static final double SHRINK = 0.5;
    /** Fewer users in common than this and two titles' ratings say nothing reliable about each other. */
    static final int MIN_CO_RATERS = 5;

    private MatchScorer() {
    }

    /** What one title is made of, for comparing it with another. */
    record Features(UUID content, Set<String> tags) {
    }

    /** A title the user rated (1–5, or null) or watched. */
    record Signal(UUID content, Integer rating, boolean completed) {

        double weight() {
            if (rating != null) {
                return (rating - 3) / 2.0;
            }
            return completed ? 0.5 : 0.25;
        }
    }

    /** Another user's rating, for the collaborative part. */
    record OtherRating(UUID user, UUID content, int rating) {
    }

    /** A score and the signal title that explains it (null when nothing the user liked points to it). */
    record Match(UUID content, int score, UUID because) {
    }

    static List<Match> score(List<Signal> signals, Map<UUID, Features> features, Collection<UUID> candidates, List<OtherRating> others) {
        Map<UUID, Double> userDeviation = deviations(signals);
        Map<UUID, Map<UUID, Integer>> byUser = new HashMap<>();
        for (OtherRating r : others) {
            byUser.computeIfAbsent(r.user(), u -> new HashMap<>()).put(r.content(), r.rating());
        }
        List<Match> matches = new ArrayList<>();
        for (UUID candidate : candidates) {
            Contribution content = contentBased(candidate, signals, features);
            Contribution collaborative = collaborative(candidate, userDeviation, byUser);
            if (content == null && collaborative == null) {
                continue;
            }
            double match = content == null ? collaborative.value() : collaborative == null ? content.value()
                    : (content.value() + collaborative.value()) / 2;
            Contribution lead = content == null ? collaborative : collaborative == null ? content
                    : content.best() >= collaborative.best() ? content : collaborative;
            int score = (int) Math.round(50 + 50 * Math.clamp(match, -1, 1));
            matches.add(new Match(candidate, score, lead.best() > 0 ? lead.because() : null));
        }
        matches.sort(Comparator.comparingInt(Match::score).reversed().thenComparing(Match::content));
        return matches;
    }

    /** A part's value (−1..1) and the signal title that added the most to it, with how much. */
    private record Contribution(double value, UUID because, double best) {
    }

    private static Contribution contentBased(UUID candidate, List<Signal> signals, Map<UUID, Features> features) {
        Features mine = features.get(candidate);
        if (mine == null || mine.tags().isEmpty()) {
            return null;
        }
        record Neighbour(Signal signal, double similarity) {
        }
        List<Neighbour> neighbours = signals.stream()
                .filter(s -> features.containsKey(s.content()))
                .map(s -> new Neighbour(s, jaccard(mine.tags(), features.get(s.content()).tags())))
                .filter(n -> n.similarity() > 0)
                .sorted(Comparator.comparingDouble(Neighbour::similarity).reversed().thenComparing(n -> n.signal().content()))
                .limit(NEIGHBOURS)
                .toList();
        if (neighbours.isEmpty()) {
            return null;
        }
        double weighted = 0;
        double similarity = 0;
        Neighbour best = null;
        for (Neighbour n : neighbours) {
            weighted += n.similarity() * n.signal().weight();
            similarity += n.similarity();
            if (best == null || n.similarity() * n.signal().weight() > best.similarity() * best.signal().weight()) {
                best = n;
            }
        }
        return new Contribution(weighted / (similarity + SHRINK), best.signal().content(), best.similarity() * best.signal().weight());
    }

    private static Contribution collaborative(UUID candidate, Map<UUID, Double> userDeviation, Map<UUID, Map<UUID, Integer>> byUser) {
        double weighted = 0;
        double similarities = 0;
        UUID because = null;
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<UUID, Double> rated : userDeviation.entrySet()) {
            Double similarity = adjustedCosine(candidate, rated.getKey(), byUser);
            if (similarity == null || similarity <= 0) {
                continue;
            }
            double contribution = similarity * rated.getValue() / 2;
            weighted += contribution;
            similarities += similarity;
            if (contribution > best) {
                best = contribution;
                because = rated.getKey();
            }
        }
        return similarities == 0 ? null : new Contribution(Math.clamp(weighted / similarities, -1, 1), because, best);
    }

    /** The user's ratings as deviations from their own mean rating. */
    private static Map<UUID, Double> deviations(List<Signal> signals) {
        double mean = signals.stream().filter(s -> s.rating() != null).mapToInt(Signal::rating).average().orElse(Double.NaN);
        Map<UUID, Double> deviations = new HashMap<>();
        signals.stream().filter(s -> s.rating() != null).forEach(s -> deviations.put(s.content(), s.rating() - mean));
        return deviations;
    }

    /** Adjusted cosine of two titles over the users who rated both, or null with fewer than {@value #MIN_CO_RATERS}. */
    static Double adjustedCosine(UUID a, UUID b, Map<UUID, Map<UUID, Integer>> byUser) {
        int coRaters = 0;
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (Map<UUID, Integer> ratings : byUser.values()) {
            Integer ra = ratings.get(a);
            Integer rb = ratings.get(b);
            if (ra == null || rb == null) {
                continue;
            }
            double mean = ratings.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
            double da = ra - mean;
            double db = rb - mean;
            coRaters++;
            dot += da * db;
            normA += da * da;
            normB += db * db;
        }
        if (coRaters < MIN_CO_RATERS || normA == 0 || normB == 0) {
            return null;
        }
        return dot / Math.sqrt(normA * normB);
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        if (common.isEmpty()) {
            return 0;
        }
        return (double) common.size() / (a.size() + b.size() - common.size());
    }
}
