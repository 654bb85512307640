package charon.markdown;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Campaign Markdown (session logs, terminal messages) as the HTML the displays insert: CommonMark with GFM tables.
 * Raw HTML in the text is shown as text, never as markup; links and images keep only http, https and mailto
 * targets (a {@code javascript:} or {@code data:} link loses its target), and every link opens with
 * {@code rel="noopener noreferrer nofollow"}. Thread-safe: the parser and renderer are immutable.
 */
public final class MarkdownHtml {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeLinks())
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if ("a".equals(tag)) {
                    attributes.put("rel", "noopener noreferrer nofollow");
                }
            })
            .build();

    private MarkdownHtml() {
    }

    /** The HTML of a Markdown text; empty for null or blank. */
    public static String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(markdown);
        return RENDERER.render(document);
    }

    /** Relative links (no scheme) and the safe schemes pass; anything else becomes an empty target. */
    private static final class SafeLinks implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return safe(url);
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return safe(url);
        }

        private static String safe(String url) {
            String trimmed = url == null ? "" : url.strip();
            int colon = trimmed.indexOf(':');
            int slash = trimmed.indexOf('/');
            boolean hasScheme = colon > 0 && (slash < 0 || colon < slash);
            if (!hasScheme) {
                return trimmed;
            }
            String scheme = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
            return SAFE_SCHEMES.contains(scheme) ? trimmed : "";
        }
    }
}
