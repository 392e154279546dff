package id.modo.verse.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** User Markdown as pages show it: attacks neutralised, ordinary writing rendered as written. */
class RichTextTests {

    /** The tags and attributes RichText may put in a page, and nothing else. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("p", Set.of()), Map.entry("br", Set.of()), Map.entry("hr", Set.of()),
            Map.entry("h2", Set.of()), Map.entry("h3", Set.of()), Map.entry("h4", Set.of()),
            Map.entry("em", Set.of()), Map.entry("strong", Set.of()), Map.entry("del", Set.of()),
            Map.entry("code", Set.of("class")), Map.entry("pre", Set.of()), Map.entry("blockquote", Set.of()),
            Map.entry("ul", Set.of()), Map.entry("ol", Set.of("start")), Map.entry("li", Set.of()),
            Map.entry("table", Set.of()), Map.entry("thead", Set.of()), Map.entry("tbody", Set.of()), Map.entry("tr", Set.of()),
            Map.entry("th", Set.of("align")), Map.entry("td", Set.of("align")),
            Map.entry("a", Set.of("href", "title", "rel")), Map.entry("img", Set.of("src", "alt", "title")));

    private static final Pattern TAG = Pattern.compile("<(/?)([a-z0-9]+)((?:\\s+[a-z-]+=\"[^\"<>]*\")*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

    static List<String> attacks() {
        return List.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
                "<<script>script>alert(1)<</script>/script>",
                "<img src=x onerror=alert(1)>",
                "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
                "![x](/media/1 \"a\\\" onerror=\\\"alert(1)\")",
                "![x](x\" onerror=\"alert(1))",
                "[click](javascript:alert(1))",
                "[click](JaVaScRiPt:alert(1))",
                "[click](&#106;avascript:alert(1))",
                "[click](javascript&colon;alert(1))",
                "[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
                "[click](<java\tscript:alert(1)>)",
                "[click]( vbscript:msgbox(1))",
                "<javascript:alert(1)>",
                "[x][evil]\n\n[evil]: javascript:alert(1)",
                "[[inner](javascript:alert(1))](https://ok.example)",
                "[![pic](javascript:alert(1))](javascript:alert(2))",
                "[a](https://ok.example \"t\\\" onmouseover=\\\"alert(1)\")",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"https://ok.example\" target=\"_blank\" onclick=\"alert(1)\">x</a>",
                "![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
                "[html](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "![pixel](https://tracker.example/p.gif)",
                "![slashes](//evil.example/p.png)",
                "![backslash](/\\evil.example/p.png)",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<div style=\"background:url(javascript:alert(1))\">styled</div>",
                "<style>body { display: none }</style>",
                "<form action=\"https://evil.example\"><input name=password></form>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "&#60;img src=x onerror=alert(1)&#62;",
                "```html\n<script>alert(1)</script>\n```",
                "`<img src=x onerror=alert(1)>`",
                "```\" onmouseover=\"alert(1)\nx\n```",
                "| <script>alert(1)</script> | [x](javascript:alert(1)) |\n|---|---|\n| <img src=x onerror=alert(1)> | b |",
                "*<script>alert(1)</script>*",
                "www.example.com\"onmouseover=\"alert(1)",
                "<!-- <script>alert(1)</script> -->",
                "<![CDATA[<script>alert(1)</script>]]>");
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void attacksAreNeutralised(String markdown) {
        String html = RichText.toHtml(markdown);

        assertOnlyAllowedMarkup(markdown, html);
        assertOnlyAllowedMarkup(markdown, RichText.sanitize(markdown));
        assertOnlyAllowedMarkup(markdown, RichText.sanitize(html));
    }

    @Test
    void typedHtmlIsShownAsTextNotPassedThrough() {
        assertThat(RichText.toHtml("<script>alert(1)</script>")).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        assertThat(RichText.toHtml("Press <kbd>Ctrl</kbd>")).isEqualTo("<p>Press &lt;kbd&gt;Ctrl&lt;/kbd&gt;</p>");
        assertThat(RichText.toHtml("&lt;b&gt; stays text")).isEqualTo("<p>&lt;b&gt; stays text</p>");
    }

    @Test
    void linksGoOnlyToTheWebMailThisSiteOrThePageAndCarryRel() {
        String html = RichText.toHtml("[web](https://modo.id/a) [mail](mailto:raka@kancil.demo) [page](/projects/1) [here](#cast) "
                + "[js](javascript:alert(1)) [relative](other/page) [other host](//evil.example) [ftp](ftp://files.example)");

        assertThat(html).isEqualTo("<p><a href=\"https://modo.id/a\" rel=\"nofollow noopener ugc\">web</a> "
                + "<a href=\"mailto:raka&#64;kancil.demo\" rel=\"nofollow noopener ugc\">mail</a> "
                + "<a href=\"/projects/1\" rel=\"nofollow noopener ugc\">page</a> "
                + "<a href=\"#cast\" rel=\"nofollow noopener ugc\">here</a> js relative other host ftp</p>");
    }

    @Test
    void imagesComeOnlyFromThisSiteAndOthersBecomeLinks() {
        assertThat(RichText.toHtml("![Poster of Si Kancil](/media/4f1c \"Poster\")"))
                .isEqualTo("<p><img src=\"/media/4f1c\" alt=\"Poster of Si Kancil\" title=\"Poster\" /></p>");
        assertThat(RichText.toHtml("![the trailer still](https://cdn.example/still.png)"))
                .isEqualTo("<p><a href=\"https://cdn.example/still.png\" rel=\"nofollow noopener ugc\">the trailer still</a></p>");
        assertThat(RichText.toHtml("[![inside a link](https://cdn.example/q.png)](https://modo.id)"))
                .isEqualTo("<p><a href=\"https://modo.id\" rel=\"nofollow noopener ugc\">inside a link</a></p>");
        assertThat(RichText.toHtml("![](data:image/png;base64,iVBORw0KGgo=)")).isEqualTo("<p></p>");
    }

    @Test
    void headingsStartAtH2() {
        assertThat(RichText.toHtml("# Episode one\n## Cast\n### Crew\n#### Extras\n###### Footnote"))
                .isEqualTo("<h2>Episode one</h2>\n<h3>Cast</h3>\n<h4>Crew</h4>\n<h4>Extras</h4>\n<h4>Footnote</h4>");
    }

    @Test
    void ordinaryMarkdownRendersAsWritten() {
        assertThat(RichText.toHtml("Hello *Kancil*, **bold** and ~~gone~~ with `code`.\nNext line"))
                .isEqualTo("<p>Hello <em>Kancil</em>, <strong>bold</strong> and <del>gone</del> with <code>code</code>.\nNext line</p>");
        assertThat(RichText.toHtml("- one\n- two\n  - nested\n\n3. three\n4. four"))
                .isEqualTo("<ul><li>one</li><li>two\n<ul><li>nested</li></ul>\n</li></ul>\n<ol start=\"3\"><li>three</li><li>four</li></ol>");
        assertThat(RichText.toHtml("> a quote\n\n---"))
                .isEqualTo("<blockquote>\n<p>a quote</p>\n</blockquote>\n<hr />");
        assertThat(RichText.toHtml("```java\nif (a < b && c) {}\n```"))
                .isEqualTo("<pre><code class=\"language-java\">if (a &lt; b &amp;&amp; c) {}\n</code></pre>");
        assertThat(RichText.toHtml("| Tier | Price |\n|:-----|------:|\n| Fan | Rp 50.000 |"))
                .isEqualTo("<table><thead><tr><th align=\"left\">Tier</th><th align=\"right\">Price</th></tr></thead>"
                        + "<tbody><tr><td align=\"left\">Fan</td><td align=\"right\">Rp 50.000</td></tr></tbody></table>");
        assertThat(RichText.toHtml("Visit www.modo.id or https://modo.id/about, or write to hello@modo.id"))
                .isEqualTo("<p>Visit <a href=\"http://www.modo.id\" rel=\"nofollow noopener ugc\">www.modo.id</a> or "
                        + "<a href=\"https://modo.id/about\" rel=\"nofollow noopener ugc\">https://modo.id/about</a>, or write to "
                        + "<a href=\"mailto:hello&#64;modo.id\" rel=\"nofollow noopener ugc\">hello&#64;modo.id</a></p>");
        assertThat(RichText.toHtml(null)).isEmpty();
        assertThat(RichText.toHtml("  \n ")).isEmpty();
    }

    @Test
    void sanitizeKeepsTheSameAllowListForHtmlFromElsewhere() {
        assertThat(RichText.sanitize("<h1 style=\"color:red\">Title</h1><p onclick=\"x()\">Text <b>bold</b> <strong>strong</strong></p>"
                + "<a href=\"https://modo.id\" target=\"_blank\">go</a>"))
                .isEqualTo("Title<p>Text bold <strong>strong</strong></p><a href=\"https://modo.id\" rel=\"nofollow noopener ugc\">go</a>");
    }

    @Test
    void plainTextIsWhatAReaderSeesOnOneLine() {
        String markdown = """
                # Si Kancil

                A **clever** mouse-deer, see [the bible](/bible/1) and ![the poster](/media/2).

                - outwits the crocodiles
                - crosses the river

                | who | what |
                |---|---|
                | Buaya | crocodile |

                ```
                code stays
                ```
                """;

        assertThat(RichText.toPlainText(markdown, 500)).isEqualTo("Si Kancil A clever mouse-deer, see the bible and the poster. "
                + "outwits the crocodiles crosses the river who what Buaya crocodile code stays");
        assertThat(RichText.toPlainText("Use the <video> tag", 100)).isEqualTo("Use the <video> tag");
        assertThat(RichText.toPlainText(null, 10)).isEmpty();
    }

    @Test
    void plainTextIsCutAtAWordWithAnEllipsis() {
        String text = "Si Kancil outwits the crocodiles to cross the river";

        assertThat(RichText.toPlainText(text, 200)).isEqualTo(text);
        assertThat(RichText.toPlainText(text, 20)).isEqualTo("Si Kancil outwits…").hasSizeLessThanOrEqualTo(20);
        assertThat(RichText.toPlainText("Supercalifragilisticexpialidocious", 10)).isEqualTo("Supercali…");
        assertThat(RichText.toPlainText("😀😀😀😀😀😀", 4)).isEqualTo("😀😀😀…");
        assertThat(RichText.toPlainText(text, 1)).isEqualTo("…");
        assertThatThrownBy(() -> RichText.toPlainText(text, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deeplyNestedInputNeitherOverflowsTheStackNorHangs() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String deep : List.of(">".repeat(100_000) + " x", "- ".repeat(50_000) + "x", "*".repeat(100_000) + "x" + "*".repeat(100_000),
                    "[".repeat(50_000) + "x" + "](/a)".repeat(50_000), "<a>".repeat(50_000))) {
                String html = RichText.toHtml(deep);
                assertOnlyAllowedMarkup("nested input", html);
                assertThat(RichText.toPlainText(deep, 160)).hasSizeLessThanOrEqualTo(160);
            }
        });
    }

    /** Every tag is an allowed one with allowed attributes, links go to the web, mail or this site, and no '<' is left raw. */
    private static void assertOnlyAllowedMarkup(String input, String html) {
        Matcher tags = TAG.matcher(html);
        int end = 0;
        StringBuilder text = new StringBuilder();
        while (tags.find()) {
            text.append(html, end, tags.start());
            end = tags.end();
            String name = tags.group(2);
            if (!ALLOWED.containsKey(name)) {
                fail("<" + name + "> in " + html + " (from " + input + ")");
            }
            Matcher attributes = ATTRIBUTE.matcher(tags.group(3));
            while (attributes.find()) {
                String attribute = attributes.group(1);
                String value = HtmlUtils.htmlUnescape(attributes.group(2));
                assertThat(ALLOWED.get(name)).as("attribute %s of <%s> in %s (from %s)", attribute, name, html, input).contains(attribute);
                if (attribute.equals("href")) {
                    assertThat(value).as(html).matches("(?i)(https?://|mailto:|/(?![/\\\\])|#)\\S*");
                }
                if (attribute.equals("src")) {
                    assertThat(value).as(html).matches("/(?![/\\\\])[^\\s\\\\]*");
                }
                if (attribute.equals("rel")) {
                    assertThat(value).isEqualTo("nofollow noopener ugc");
                }
                if (attribute.equals("class")) {
                    assertThat(value).matches("language-[A-Za-z0-9_+#.-]+");
                }
            }
        }
        text.append(html, end, html.length());
        assertThat(text.toString()).as("text left between the tags of %s (from %s)", html, input).doesNotContain("<", ">");
    }
}
