package io.github.speedup.format.html;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A page being written: the head with the inlined {@link Stylesheet}, then elements one per line,
 * then the end. Only {@link Element}s reach the body, so everything in it was escaped on the way in.
 */
final class Page {

    private final Writer html;

    private Page(Writer html) {
        this.html = html;
    }

    /** Starts the page: its head, and its title again as the heading. */
    static Page open(OutputStream out, String title) throws IOException {
        Page page = new Page(Html.page(out));
        page.html.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                + Element.empty("meta").attr("charset", "utf-8") + "\n"
                + Element.empty("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1")
                + "\n" + Element.of("title").text(title) + "\n<style>\n" + Stylesheet.CSS
                + "</style>\n</head>\n<body>\n");
        page.line(Element.of("h1").text(title));
        return page;
    }

    /** The element and a newline after it. */
    void line(Element element) throws IOException {
        html.write(element + "\n");
    }

    /** Ends the page and writes it out; the stream stays open. */
    void close() throws IOException {
        html.write("</body>\n</html>\n");
        html.flush();
    }
}
