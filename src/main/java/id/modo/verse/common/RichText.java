package id.modo.verse.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What people write for others to read (posts, comments, descriptions, campaign updates) as
 * Markdown, turned into HTML that is safe to put in a page as it is, and into plain text for
 * previews and meta descriptions. One parser and one policy, so every module renders user text the
 * same way:
 * <ul>
 * <li>Markdown as CommonMark with GitHub's tables, strikethrough and bare links (autolinks);</li>
 * <li>HTML typed into the Markdown is shown as text, never passed through;</li>
 * <li>headings start at {@code h2} (the page has its {@code h1}): {@code #} is {@code h2},
 * {@code ##} {@code h3}, deeper ones {@code h4};</li>
 * <li>links go to http, https, mailto or a path of this site, with
 * {@code rel="nofollow noopener ugc"} and no {@code target};</li>
 * <li>images only from this site ({@code /media/…}, a path, not another host): the pages'
 * Content-Security-Policy loads images from MODO alone, and a picture from another server would tell
 * that server who reads the post and when. Another image becomes a link to it, named by its alt text;</li>
 * <li>no style, class (except a code block's {@code language-…}), event handler or id attribute,
 * no script, iframe, form, SVG or MathML, no {@code javascript:} or {@code data:} URL.</li>
 * </ul>
 * The HTML the Markdown renderer makes still passes the OWASP sanitizer's allow-list ({@link #sanitize(String)}),
 * so a bug in one layer is not a hole.
 */
public final class RichText {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create(),
            AutolinkExtension.create());

    /** Nesting limits: deeper quotes, lists or emphasis are read as text, so no post can exhaust the renderer's stack. */
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).maxOpenBlockParsers(32).maxInlineNesting(16).build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();

    /** A path of this site: one slash, then no second slash or backslash (browsers read {@code /\host} as {@code //host}), no spaces. */
    private static final Pattern SITE_PATH = Pattern.compile("/(?![/\\\\])[^\\s\\\\]*");
    /** Where a link may go: the web, a mail address, a path of this site or a place in the page. */
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|mailto:)\\S*|/(?![/\\\\])[^\\s\\\\]*|#\\S*");
    private static final Pattern ALIGN = Pattern.compile("left|center|right");
    private static final Pattern LIST_START = Pattern.compile("[0-9]{1,9}");
    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");

    /** The elements and attributes user text may hold, and nothing else. */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h2", "h3", "h4", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li",
                    "table", "thead", "tbody", "tr", "th", "td", "a", "img")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").onElements("a", "img")
            .allowAttributes("src").matching(SITE_PATH).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("align").matching(ALIGN).onElements("th", "td")
            .allowAttributes("start").matching(LIST_START).onElements("ol")
            .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
            .requireRelsOnLinks("nofollow", "noopener", "ugc")
            .toFactory();

    private RichText() {
    }

    /** {@code markdown} as sanitized HTML; null or blank gives "". */
    public static String toHtml(@Nullable String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(markdown);
        document.accept(new ForPages());
        return POLICY.sanitize(RENDERER.render(document)).strip();
    }

    /**
     * HTML from anywhere else (a rich editor, an import) held to the same allow-list as
     * {@link #toHtml(String)}'s output: whatever it does not allow is dropped, its text kept.
     */
    public static String sanitize(@Nullable String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }

    /**
     * The text a reader sees, on one line, at most {@code maxChars} characters: cut at a word
     * boundary where one is near and ended with "…". For previews and meta descriptions; escape it
     * where it goes, as any text (it holds what was typed, {@code <} included).
     */
    public static String toPlainText(@Nullable String markdown, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
        }
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        PlainText text = new PlainText();
        PARSER.parse(markdown).accept(text);
        return shorten(text.out.toString().replaceAll("\\s+", " ").strip(), maxChars);
    }

    static String shorten(String text, int maxChars) {
        if (text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        int end = text.offsetByCodePoints(0, maxChars - 1);
        int space = text.lastIndexOf(' ', end);
        // Back to the last word's end, unless that throws away more than a fifth of the room.
        if (space > 0 && text.codePointCount(0, space) >= (maxChars - 1) * 4 / 5) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    /**
     * Headings one level down (h2-h4), links only where {@link #LINK} allows (others become their
     * text) and images only from this site; run on the parsed document before rendering.
     */
    private static final class ForPages extends AbstractVisitor {

        private final List<Image> foreignImages = new ArrayList<>();
        private final List<Link> refusedLinks = new ArrayList<>();

        @Override
        public void visit(Heading heading) {
            heading.setLevel(Math.min(heading.getLevel() + 1, 4));
            visitChildren(heading);
        }

        @Override
        public void visit(Link link) {
            if (!LINK.matcher(link.getDestination()).matches()) {
                refusedLinks.add(link);
            }
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            if (!SITE_PATH.matcher(image.getDestination()).matches()) {
                foreignImages.add(image);
            }
            visitChildren(image);
        }

        @Override
        public void visit(org.commonmark.node.Document document) {
            visitChildren(document);
            refusedLinks.forEach(ForPages::unwrap);
            foreignImages.forEach(ForPages::replace);
        }

        /** A link to somewhere not allowed becomes its text. */
        private static void unwrap(Link link) {
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            link.unlink();
        }

        /** An image from elsewhere becomes a link to it (or, inside a link already, just its alt text). */
        private static void replace(Image image) {
            String destination = image.getDestination();
            boolean web = destination.regionMatches(true, 0, "https://", 0, 8) || destination.regionMatches(true, 0, "http://", 0, 7);
            Node replacement = web && !insideLink(image) ? new Link(destination, image.getTitle()) : null;
            Node child = image.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                if (replacement != null) {
                    replacement.appendChild(child);
                } else {
                    image.insertBefore(child);
                }
                child = next;
            }
            if (replacement != null) {
                if (replacement.getFirstChild() == null) {
                    replacement.appendChild(new Text(destination));
                }
                image.insertBefore(replacement);
            }
            image.unlink();
        }

        private static boolean insideLink(Node node) {
            for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof Link) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The words of a document, blocks and line breaks as spaces, images as their alt text. */
    private static final class PlainText extends AbstractVisitor {

        private final StringBuilder out = new StringBuilder();

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(HtmlInline html) {
            out.append(html.getLiteral());
        }

        @Override
        public void visit(HtmlBlock html) {
            out.append(' ').append(html.getLiteral()).append(' ');
        }

        @Override
        public void visit(FencedCodeBlock code) {
            out.append(' ').append(code.getLiteral()).append(' ');
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            out.append(' ').append(code.getLiteral()).append(' ');
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            out.append(' ');
        }

        @Override
        protected void visitChildren(Node parent) {
            super.visitChildren(parent);
            if (parent instanceof Block || parent instanceof TableCell) {
                out.append(' ');
            }
        }
    }
}
