package charon.markdown;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Campaign Markdown to HTML: GFM tables, code blocks, raw HTML shown as text, only safe link targets. */
class MarkdownHtmlTest {

    @Test
    void aGfmTableBecomesATable() {
        String html = MarkdownHtml.render("| Watch | Post |\n|---|---|\n| First | Cryo vault |\n");
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<th>Watch</th>"), html);
        assertTrue(html.contains("<td>Cryo vault</td>"), html);
    }

    @Test
    void headingsListsEmphasisAndCodeBlocks() {
        String html = MarkdownHtml.render("### Open Threads\n- What is in **pod 7**?\n\n```\nPOD 7: 4.1 C\n```\n");
        assertTrue(html.contains("<h3>Open Threads</h3>"), html);
        assertTrue(html.contains("<li>What is in <strong>pod 7</strong>?</li>"), html);
        assertTrue(html.contains("<pre><code>POD 7: 4.1 C\n</code></pre>"), html);
    }

    @Test
    void rawHtmlIsShownAsTextNeverAsMarkup() {
        String html = MarkdownHtml.render("<script>alert(1)</script>\n\nHello <img src=x onerror=alert(1)> crew");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void onlySafeLinkTargetsAreKept() {
        assertEquals("<p><a rel=\"noopener noreferrer nofollow\" href=\"https://example.org/log\">log</a></p>\n",
                MarkdownHtml.render("[log](https://example.org/log)"));
        assertTrue(MarkdownHtml.render("[mail](mailto:ops@tallow.example)").contains("href=\"mailto:ops@tallow.example\""));
        for (String bad : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x"}) {
            String html = MarkdownHtml.render("[click](" + bad + ")");
            assertTrue(html.contains("href=\"\""), bad + " -> " + html);
            assertFalse(html.toLowerCase().contains(bad.substring(0, 5).toLowerCase() + bad.substring(5, 6)), bad + " -> " + html);
        }
        assertTrue(MarkdownHtml.render("![map](javascript:alert(1))").contains("src=\"\""));
    }

    @Test
    void nothingForNothing() {
        assertEquals("", MarkdownHtml.render(null));
        assertEquals("", MarkdownHtml.render("  \n"));
    }
}
