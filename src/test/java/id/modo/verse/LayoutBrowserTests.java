package id.modo.verse;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import id.modo.verse.support.Chromium;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a signed-in organization owner and a platform admin reach, at a phone's, a tablet's and a desktop's width
 * in both languages, with a long name and a long organization name: none may scroll sideways, and no two header items
 * may overlap. One browser page per person is reused: each page is loaded once per language and resized to each width.
 * Every fault is collected, so one run lists them all.
 */
@IntegrationTest
class LayoutBrowserTests {

    static final String LONG_NAME = "Raden Ajeng Kartika Sekarwangi Puspitasari Wulandari Kusumaningrat Hadiningrat";
    static final String LONG_ORGANIZATION = "Perseroan Terbatas Studio Animasi Kancil dan Buaya Nusantara Raya Sejahtera Abadi Selamanya";
    static final int[] WIDTHS = {390, 768, 1280};
    static final String[] LANGUAGES = {"en", "id"};

    /** The page routes of the controllers an organization's owner opens ({org}, {project}, {character} filled in). */
    static final List<String> OWNER_PAGES = List.of("/", "/about", "/pricing", "/dashboard", "/account",
            "/organizations/{org}", "/organizations/{org}/billing", "/organizations/{org}/credits", "/organizations/{org}/media",
            "/organizations/{org}/projects", "/organizations/{org}/projects/trash", "/organizations/{org}/audit",
            "/organizations/{org}/ai/keys", "/organizations/{org}/ai/usage", "/organizations/{org}/campaigns",
            "/projects/{project}", "/projects/{project}/story", "/projects/{project}/characters",
            "/projects/{project}/characters/{character}", "/projects/{project}/universe", "/projects/{project}/script",
            "/projects/{project}/team", "/projects/{project}/versions", "/projects/{project}/ai", "/projects/{project}/moodboard",
            "/projects/{project}/animatic", "/projects/{project}/prediction", "/projects/{project}/bible", "/bible/{project}",
            "/studio/watch/{org}", "/watch", "/watch/my-list", "/campaigns", "/investments");

    /** The platform admin's pages, beside their own dashboard and account. */
    static final List<String> ADMIN_PAGES = List.of("/dashboard", "/account", "/admin", "/admin/ai", "/admin/ai/keys", "/admin/ai/usage",
            "/admin/campaigns", "/admin/credits", "/admin/mail", "/admin/plans");

    /** Header items that must each have their own room: the brand, the menu button, links, language and account. */
    static final String HEADER_OVERLAPS = """
            () => {
              const items = [...document.querySelectorAll('.site-header__inner .brand, .site-header__inner .nav-toggle,'
                  + ' .site-header__inner .site-nav__link, .site-header__inner .header-lang a, .site-header__inner .header-account__link,'
                  + ' .site-header__inner .button')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && e.offsetParent !== null
                    && getComputedStyle(e).visibility !== 'hidden'; });
              const found = [];
              for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
                if (items[i].contains(items[j]) || items[j].contains(items[i])) continue;
                const a = items[i].getBoundingClientRect(), b = items[j].getBoundingClientRect();
                const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                if (w > 1 && h > 1) found.push(items[i].className + ' overlaps ' + items[j].className);
              }
              return found.join('; ');
            }""";

    /** Sideways scrolling, with the widest elements that stick out so a failure says where to look. */
    static final String SIDEWAYS = """
            () => {
              const root = document.documentElement;
              if (root.scrollWidth <= root.clientWidth) return '';
              const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
                .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > root.clientWidth + 1))
                .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
              return 'scrollWidth ' + root.scrollWidth + ' > ' + root.clientWidth + ' (' + out.join(', ') + ')';
            }""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void noPageScrollsSidewaysOrOverlapsItsHeaderAtAnyWidthInEitherLanguage() {
        Http http = new Http(port);
        Users users = new Users(http);
        String ownerEmail = Users.uniqueEmail("layout-owner");
        users.register(ownerEmail, LONG_NAME);
        Http owner = http.withBearer(users.login(ownerEmail, Users.PASSWORD));
        String org = id(owner.postJson("/api/v1/organizations", "{\"name\":\"" + LONG_ORGANIZATION + "\"}"));
        String project = id(owner.postJson("/api/v1/organizations/" + org + "/projects",
                "{\"title\":\"Kancil dan Buaya di Sungai yang Sangat Panjang Sekali\",\"visibility\":\"public\"}"));
        ok(owner.call("PATCH", "/api/v1/projects/" + project + "/story", """
                {"base_version":0,"premise":"A mouse-deer too small to fight must cross a river ruled by crocodiles.",
                 "genre":"Fable","format":"animation","target_audience":"Children 5-10 and their families"}"""));
        ok(owner.call("PATCH", "/api/v1/projects/" + project + "/story", "{\"base_version\":1,\"logline\":\"Small but clever\"}"));
        String character = id(owner.postJson("/api/v1/projects/" + project + "/characters", "{\"name\":\"Kancil\"}"));

        String adminEmail = Users.uniqueEmail("layout-admin");
        String adminId = users.register(adminEmail, LONG_NAME + " Admin");
        jdbc.sql("update users set platform_role = 'admin' where id = cast(? as uuid)").param(adminId).update();

        List<String> faults = new ArrayList<>();
        check(ownerEmail, OWNER_PAGES.stream().map(p -> p.replace("{org}", org).replace("{project}", project)
                .replace("{character}", character)).toList(), faults);
        check(adminEmail, ADMIN_PAGES, faults);
        assertThat(faults).as("pages that scroll sideways, overlap in the header or do not open").isEmpty();
    }

    private void check(String email, List<String> paths, List<String> faults) {
        try (BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("en-US"))) {
            Page page = context.newPage();
            signIn(page, email);
            for (String language : LANGUAGES) {
                for (String path : paths) {
                    page.setViewportSize(1280, 900);
                    Response response = page.navigate(url(path + (path.contains("?") ? "&" : "?") + "lang=" + language));
                    if (response == null || response.status() >= 400) {
                        faults.add(path + " [" + language + "]: answers " + (response == null ? "nothing" : response.status()));
                        continue;
                    }
                    for (int width : WIDTHS) {
                        page.setViewportSize(width, 900);
                        String sideways = (String) page.evaluate(SIDEWAYS);
                        if (!sideways.isEmpty()) {
                            faults.add(path + " [" + language + ", " + width + " px]: " + sideways);
                            Chromium.screenshot(page, "layout-" + width + "-" + language + path.replaceAll("[^a-z0-9]+", "-"));
                        }
                        String overlaps = (String) page.evaluate(HEADER_OVERLAPS);
                        if (!overlaps.isEmpty()) {
                            faults.add(path + " [" + language + ", " + width + " px]: header " + overlaps);
                        }
                    }
                }
            }
        }
    }

    private void signIn(Page page, String email) {
        page.navigate(url("/signin?lang=en&next=%2Fdashboard"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(Users.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/signin"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String id(java.net.http.HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asString();
    }

    private static void ok(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
