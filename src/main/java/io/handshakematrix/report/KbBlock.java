package io.handshakematrix.report;

import java.util.List;

/**
 * The pieces a KB article is made of, rendered alike as Markdown and as HTML ({@link KbRender}). Text may hold
 * `code` spans, which Markdown keeps and HTML turns into {@code <code>}; nothing else is markup.
 */
sealed interface KbBlock {
    record Heading(int level, String text, String id) implements KbBlock {
    }

    record Para(String text) implements KbBlock {
    }

    /** A bulleted list; each item is text with code spans. */
    record Items(List<String> items) implements KbBlock {
    }

    /** {@code id} becomes the HTML table id (tests and readers find tables by it). */
    record Table(String id, List<String> headers, List<List<Cell>> rows) implements KbBlock {
    }

    /** Lines to paste as they are (a configssl.cnf block, a log line): a fenced block, never re-wrapped. */
    record Code(List<String> lines) implements KbBlock {
    }

    /** Numbered exact error lines: note n is element n-1, each one or more lines quoted verbatim. */
    record Notes(List<List<String>> notes) implements KbBlock {
    }

    /**
     * One table cell: text with code spans, a footnote number (0 none), and for a matrix cell its key, verdict and
     * CSS class (null for a plain cell) so the HTML carries data-key/data-verdict for the browser test.
     */
    record Cell(String text, int footnote, String key, String verdict, String css) {
        static Cell plain(String text) {
            return new Cell(text, 0, null, null, null);
        }
    }
}
