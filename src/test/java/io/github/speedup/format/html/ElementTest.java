package io.github.speedup.format.html;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ElementTest {

    private static final String HOSTILE = "<script>alert('x')</script> \"q\" & co";

    @Test
    void textAndAttributeValuesAreEscapedAsTheyAreAdded() {
        assertEquals("<td class=\"a&quot; onclick=&quot;x\" title=\"&lt;b&gt; &amp; &#39;c&#39;\">"
                        + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;q&quot; &amp; co</td>",
                Element.of("td", "a\" onclick=\"x").attr("title", "<b> & 'c'").text(HOSTILE).toString());
    }

    @Test
    void childrenLineBreaksAndNewlinesKeepTheirOrder() {
        Element cell = Element.of("td").text(3).br().add(Element.of("small").text("once"));
        assertEquals("<div>\n<td>3<br><small>once</small></td>\n</div>", Element.of("div").nl().line(cell).toString());
        assertEquals("<p></p>", Element.of("p").text(null).toString(), "null text adds nothing");
        assertEquals("<a href=\"\"></a>", Element.of("a").attr("href", null).toString());
    }

    @Test
    void aVoidElementHasNoContentAndNoEndTag() {
        assertEquals("<meta charset=\"utf-8\">", Element.empty("meta").attr("charset", "utf-8").toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Element.empty("br").text("x"));
        assertEquals("<br> is a void element and has no content", e.getMessage());
    }

    @Test
    void namesAreThePagesVocabularyNeverData() {
        IllegalArgumentException element = assertThrows(IllegalArgumentException.class,
                () -> Element.of("td onclick=x"));
        assertEquals("'td onclick=x' is no element or attribute name: lower-case letters, digits and dashes, "
                + "starting with a letter", element.getMessage());
        IllegalArgumentException attribute = assertThrows(IllegalArgumentException.class,
                () -> Element.of("td").attr("x\"", "y"));
        assertEquals("'x\"' is no element or attribute name: lower-case letters, digits and dashes, starting with a "
                + "letter", attribute.getMessage());
    }
}
