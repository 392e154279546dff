package id.modo.verse.watch;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalogue search through {@code GET /api/v1/contents}. Each test tags its titles with a genre of its own and filters
 * by it, so titles other tests leave in the shared database do not change what it sees.
 */
@IntegrationTest
class ContentSearchIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    StudioFixtures.Studio studio;
    Http fan;
    PageSession fanPages;
    String genre;

    @BeforeEach
    void studio() {
        Http http = new Http(port);
        studio = new StudioFixtures(http, jdbc).studio("search");
        Users.Signed searcher = new Users(http).signUpAndIn("searcher");
        fan = http.withBearer(searcher.token());
        fanPages = PageSession.signIn(http, searcher);
        genre = "g" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMisspeltWordFindsTheTitleAndCastIsSearchedToo() {
        String kancil = published("""
                {"title":"Kancil Sang Pemberani","type":"movie","genre":"%s","cast_list":[{"name":"Ayu Lestari","role":"Kancil"}]}""");
        published("""
                {"title":"Harimau Lapar","type":"movie","genre":"%s"}""");
        assertThat(ids("q=kancl")).containsExactly(kancil);
        assertThat(ids("q=KANCIL")).containsExactly(kancil);
        assertThat(ids("q=lestary")).containsExactly(kancil);
        assertThat(ids("q=pembe")).as("a word's beginning").containsExactly(kancil);
        assertThat(ids("q=zebra")).isEmpty();

        var page = fanPages.get("/watch/search?q=kancl&genre=" + genre);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kancil Sang Pemberani", "/watch/contents/" + kancil).doesNotContain("Harimau Lapar");
        var wrong = fanPages.get("/watch/search?q=kancl&year=abc&genre=" + genre);
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"search-year\"", "Enter a year between 1888 and 2100.").doesNotContain("Kancil Sang Pemberani");
    }

    @Test
    void aTitleHitRanksAboveADescriptionHitAboveATypoAboveNothing() {
        String word = "Rimbaku";
        String inDescription = published("""
                {"title":"Hutan Malam","type":"movie","genre":"%s","description":"Di tepi sungai, Rimbaku menunggu fajar."}""");
        String inCast = published("""
                {"title":"Sungai Pagi","type":"movie","genre":"%s","cast_list":[{"name":"Rimbaku Jaya"}]}""");
        String inTitle = published("""
                {"title":"Rimbaku","type":"movie","genre":"%s"}""");
        published("""
                {"title":"Laut Biru","type":"movie","genre":"%s","description":"Tentang ombak."}""");
        // One letter off in the title: a typo match, after every match of the word as typed (fewer typos first).
        String typo = published("""
                {"title":"Rimbaky","type":"movie","genre":"%s"}""");
        assertThat(ids("q=" + word.toLowerCase())).containsExactly(inTitle, inCast, inDescription, typo);
        assertThat(ids("q=rimbaky")).as("typed as the title is").startsWith(typo);
    }

    @Test
    void filtersNarrowTheListAndBadValuesAreNamed() {
        String series = published("""
                {"title":"Kisah Pulau","type":"series","genre":"%s","release_year":2024,"languages":["id","en"]}""");
        String film = published("""
                {"title":"Kisah Gunung","type":"movie","genre":"%s","release_year":2021,"languages":["id"]}""");
        String documentary = published("""
                {"title":"Kisah Laut","type":"documentary","sub_genres":["%s"],"release_year":2024,"languages":["EN"]}""");
        jdbc.sql("update contents set average_rating = 4.5, rating_count = 2 where id = cast(? as uuid)").param(film).update();
        jdbc.sql("update contents set average_rating = 3.0, rating_count = 1 where id = cast(? as uuid)").param(series).update();

        assertThat(ids("")).containsExactlyInAnyOrder(series, film, documentary);
        assertThat(ids("type=series")).containsExactly(series);
        assertThat(ids("year=2024")).containsExactlyInAnyOrder(series, documentary);
        assertThat(ids("min_rating=3.5")).containsExactly(film);
        assertThat(ids("language=en")).containsExactlyInAnyOrder(series, documentary);
        assertThat(ids("q=kisah&type=movie&language=ID")).containsExactly(film);

        for (String[] bad : new String[][] {{"year=abc", "year"}, {"year=99999", "year"}, {"type=cartoon", "type"},
                {"min_rating=6", "min_rating"}, {"min_rating=x", "min_rating"}, {"language=%3Cb%3E", "language"},
                {"q=" + "a".repeat(101), "q"}}) {
            var response = fan.call("GET", "/api/v1/contents?" + bad[0], null);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(json(response).get("errors").get(0).get("field").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
    }

    @Test
    void pagesOfHitsAndOfTheNewestHaveNoDuplicatesOrGaps() {
        List<String> made = new ArrayList<>();
        for (int n = 0; n < 23; n++) {
            // Equal titles rank equally: the id decides between them, and a page must still not repeat or skip one.
            String title = n % 3 == 0 ? "Cerita Pasar" : "Cerita Pasar Malam " + n;
            made.add(jdbc.sql("""
                    insert into contents (organization_id, title, type, genre, status, visibility, published_at, description)
                    values (cast(? as uuid), ?, 'short', ?, 'published', 'free', now() - make_interval(secs => ?), 'pasar')
                    returning id""").params(studio.organizationId(), title, genre, n % 5).query(UUID.class).single().toString());
        }
        for (String query : List.of("q=pasar", "q=pasaar", "")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = json(fan.call("GET", "/api/v1/contents?limit=5&genre=" + genre + "&" + query
                        + (cursor == null ? "" : "&cursor=" + cursor), null));
                page.get("items").forEach(item -> seen.add(item.get("id").asString()));
                cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
                pages++;
            } while (cursor != null && pages < 10);
            assertThat(seen).as(query).hasSize(23);
            assertThat(new HashSet<>(seen)).as(query).isEqualTo(Set.copyOf(made));
        }
    }

    @Test
    void aKeptFirstPageFollowsEveryChangeToWhatTheQueryFinds() {
        String lantern = published("""
                {"title":"Lentera Senja","type":"movie","genre":"%s"}""");
        String tale = published("""
                {"title":"Cerita Sawah","type":"short","genre":"%s","description":"Lentera kecil di sawah."}""");
        assertThat(ids("q=lentera")).containsExactly(lantern, tale);
        assertThat(ids("q=lentera")).as("asked again, from memory").containsExactly(lantern, tale);

        // Through the API: a title whose description loses the word drops out, a new one with it comes in.
        var renamed = studio.asOwner().call("PATCH", "/api/v1/organizations/" + studio.organizationId() + "/contents/" + tale,
                "{\"description\":\"Padi menguning.\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(ids("q=lentera")).containsExactly(lantern);
        String added = published("""
                {"title":"Lentera","type":"movie","genre":"%s"}""");
        assertThat(ids("q=lentera")).as("equal ranks, in id order").containsExactlyInAnyOrder(added, lantern);

        // A new poster does not change the ranking, yet the kept page shows it; the rating filter sees votes at once.
        jdbc.sql("update contents set poster_url = '/img/watch.svg' where id = cast(? as uuid)").param(lantern).update();
        JsonNode page = json(fan.call("GET", "/api/v1/contents?limit=50&genre=" + genre + "&q=lentera", null));
        List<String> posters = new ArrayList<>();
        page.get("items").forEach(item -> posters.add(item.get("id").asString() + " " + item.get("poster_url").asString()));
        assertThat(posters).contains(lantern + " /img/watch.svg");
        jdbc.sql("update contents set average_rating = 4.5, rating_count = 2 where id = cast(? as uuid)").param(lantern).update();
        assertThat(ids("q=lentera&min_rating=4")).containsExactly(lantern);

        jdbc.sql("update contents set status = 'archived' where id = cast(? as uuid)").param(added).update();
        assertThat(ids("q=lentera")).containsExactly(lantern);
    }

    /** A title made through the API (its JSON with {@code %s} for the test's genre), published as if its video were ready. */
    private String published(String template) {
        var created = studio.asOwner().postJson("/api/v1/organizations/" + studio.organizationId() + "/contents", template.strip().formatted(genre));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asString();
        jdbc.sql("update contents set status = 'published', published_at = now(), visibility = 'free' where id = cast(? as uuid)").param(id)
                .update();
        return id;
    }

    /** The ids the catalogue lists for these parameters within the test's genre, in its order. */
    private List<String> ids(String parameters) {
        var response = fan.call("GET", "/api/v1/contents?limit=50&genre=" + genre + (parameters.isEmpty() ? "" : "&" + parameters), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(response).get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
