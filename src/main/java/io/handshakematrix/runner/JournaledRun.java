package io.handshakematrix.runner;

import io.handshakematrix.results.ResultJournal;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A run whose results go to a {@link ResultJournal} as cells finish. Cells already in the journal (an
 * interrupted earlier run) are not run again but judged anew against the matrix. In memory it keeps
 * each cell's result without its transcript (for the table and the summary); full results are read back
 * from the journal one at a time, so a 10,000-cell run holds no 10,000 transcripts.
 */
public final class JournaledRun {
    private final MatrixRunner runner;
    private final Matrix matrix;
    private final ResultJournal journal;
    private final List<Cell> cells;
    private final Map<String, CellResult> brief = new ConcurrentHashMap<>();
    private int resumed;
    private List<Cell> notStarted = List.of();
    private Duration runTimeout;

    public JournaledRun(MatrixRunner runner, Matrix matrix, List<Cell> cells, ResultJournal journal) {
        this.runner = runner;
        this.matrix = matrix;
        this.cells = List.copyOf(cells);
        this.journal = journal;
    }

    /** Runs every cell the journal lacks; none starts once {@code runTimeout} (null: none) has passed. */
    public JournaledRun run(ProgressListener progress, Duration runTimeout) throws InterruptedException {
        this.runTimeout = runTimeout;
        Instant deadline = runTimeout == null ? null : Instant.now().plus(runTimeout);
        List<Cell> todo = new ArrayList<>();
        for (Cell c : cells) {
            if (journal.has(c.key())) {
                brief.put(c.key(), withoutTranscript(fromJournal(c)));
                resumed++;
            } else {
                todo.add(c);
            }
        }
        progress.start(cells.size(), resumed);
        notStarted = runner.stream(matrix, todo, r -> {
            try {
                journal.append(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + journal.file(), e);
            }
            brief.put(r.cell().key(), withoutTranscript(r));
            progress.cellDone(r);
        }, deadline);
        for (Cell c : notStarted) {
            brief.put(c.key(), MatrixRunner.judge(matrix, c, notRun(c)));
        }
        return this;
    }

    /** Cells taken from the journal instead of being run. */
    public int resumed() {
        return resumed;
    }

    /** Cells the run timeout kept from starting; not journaled, so {@code --resume} runs them. */
    public List<Cell> notStarted() {
        return notStarted;
    }

    /** Every cell's result without transcript, in cell order. */
    public List<CellResult> brief() {
        return cells.stream().map(c -> brief.get(c.key())).toList();
    }

    /** Every cell's full result in cell order, read from the journal one by one as the iterator goes. */
    public Iterable<CellResult> full() {
        return () -> new Iterator<>() {
            private final Iterator<Cell> it = cells.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public CellResult next() {
                Cell c = it.next();
                return journal.has(c.key()) ? fromJournal(c) : brief.get(c.key());
            }
        };
    }

    private CellResult fromJournal(Cell c) {
        CellResult stored = journal.read(c.key());
        CellResult judged = MatrixRunner.judge(matrix, c, stored.result());
        return new CellResult(c, stored.engine(), judged.result(), judged.expected(), judged.expectationLine(),
                judged.differences());
    }

    private HandshakeResult notRun(Cell c) {
        return Verdicts.notRun("the run timeout (" + runTimeout.toSeconds() + " s) passed first; "
                + "'run --resume' runs it");
    }

    static CellResult withoutTranscript(CellResult r) {
        return new CellResult(r.cell(), r.engine(), r.result().withoutTranscript(), r.expected(), r.expectationLine(),
                r.differences());
    }
}
