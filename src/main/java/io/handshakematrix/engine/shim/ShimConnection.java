package io.handshakematrix.engine.shim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The harness's end of a persistent shim (the shim protocol's line-stream form): requests go out tagged with an
 * id, a reader thread routes each answer line to the cell waiting for that id. Used over a child JVM's
 * stdin/stdout and over a stack agent's TCP control connection. A line that is not one JSON answer belongs to
 * no cell: it is kept, and a cell that then waits in vain is told about it (an error, never a verdict).
 */
public final class ShimConnection implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;
    private final Map<Long, BlockingQueue<ShimAnswer>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Supplier<String> whyGone;
    private volatile String badLine;
    private volatile String gone;

    /**
     * {@code onUntagged} gets answers without an id (a ready line); {@code whyGone} says why the stream ended
     * (e.g. the child's stderr), told to every cell still waiting.
     */
    public ShimConnection(InputStream in, OutputStream out, String description, Consumer<ShimAnswer> onUntagged,
                          Supplier<String> whyGone) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.whyGone = whyGone;
        Thread reader = new Thread(() -> read(in, onUntagged), "shim-reader " + description);
        reader.setDaemon(true);
        reader.start();
    }

    /** The answers to one request, in order: at most a listening line, then one final answer. */
    public final class Exchange {
        private final long id;
        private final BlockingQueue<ShimAnswer> answers;

        Exchange(long id, BlockingQueue<ShimAnswer> answers) {
            this.id = id;
            this.answers = answers;
        }

        /** The next answer; an {@code error} answer saying why if none came within {@code timeout}. */
        public ShimAnswer next(Duration timeout) throws InterruptedException {
            return poll(timeout).orElseGet(() -> error(id, "the shim gave no answer within " + timeout.toSeconds() + " s"));
        }

        /**
         * The next answer, or empty if none came within {@code timeout} and no stray line explains why: the shim
         * hangs (a caller that can name the hung side reports a timeout). A stray non-JSON line seen meanwhile is
         * this cell's {@code error} answer: the shim broke, it did not merely go quiet.
         */
        public Optional<ShimAnswer> poll(Duration timeout) throws InterruptedException {
            ShimAnswer a = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (a == null) {
                pending.remove(id);
                String bad = badLine;
                return bad == null ? Optional.empty() : Optional.of(error(id, bad));
            }
            if (!a.is(ShimAnswer.LISTENING)) {
                pending.remove(id);
            }
            return Optional.of(a);
        }
    }

    /** Sends one request (its id added) and returns where its answers arrive. */
    public Exchange send(ShimSettings settings) throws IOException {
        long id = ids.incrementAndGet();
        BlockingQueue<ShimAnswer> q = new LinkedBlockingQueue<>();
        pending.put(id, q);
        if (gone != null) {
            q.add(error(id, gone));
        } else {
            write(JSON.writeValueAsString(settings.toJson(JSON.createObjectNode(), id)));
        }
        return new Exchange(id, q);
    }

    /** Writes a line that is not a request (the child JVM's identity line). */
    public synchronized void write(String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }

    private void read(InputStream in, Consumer<ShimAnswer> onUntagged) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                ShimAnswer a;
                try {
                    a = ShimAnswer.parse(line);
                } catch (ShimAnswer.NotAnAnswer e) {
                    badLine = e.getMessage();
                    continue;
                }
                BlockingQueue<ShimAnswer> q = a.id() == null ? null : pending.get(a.id());
                if (q != null) {
                    q.add(a);
                } else if (a.id() == null) {
                    onUntagged.accept(a);
                }
            }
        } catch (IOException ignored) {
            // the stream broke: told to the waiting cells below
        }
        gone = "the shim went away: " + whyGone.get();
        onUntagged.accept(error(null, gone));
        pending.forEach((id, q) -> q.add(error(id, gone)));
    }

    private static ShimAnswer error(Long id, String reason) {
        try {
            return ShimAnswer.parse(ShimAnswer.event(id == null ? -1 : id, ShimAnswer.ERROR, reason).toString());
        } catch (ShimAnswer.NotAnAnswer e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
