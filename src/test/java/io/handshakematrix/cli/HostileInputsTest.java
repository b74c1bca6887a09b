package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and careless input to the surfaces added after the first release: image and product folders, resume,
 * plan, explain (the KB and report writers: HostileReportTextTest). Every case runs the real command line in a
 * child JVM under -Xmx256m with a wall-clock limit ({@link BoundedJvm}), so a case that would hang or exhaust
 * memory fails instead of taking the build with it; each ends with exit 2 and one line naming the file, or with
 * its documented behaviour.
 */
class HostileInputsTest {
    /** Seconds a case may take: JVM start-up on a shared 2-core machine plus the command's own bounded work. */
    static final long LIMIT_S = 60;

    static void oneLineExit2(BoundedJvm r, String startsWith, String contains) {
        assertFalse(r.killed(), r::all);
        assertEquals(2, r.code(), r::all);
        assertEquals(1, r.err().strip().lines().count(), r::all);
        assertTrue(r.err().startsWith(startsWith), r::all);
        assertTrue(r.err().contains(contains), r::all);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** images --check DIR, the read-only form of what the product engine and images do with a folder. */
    @Nested
    class ImageAndProductFolders {
        @TempDir
        Path dir;

        Path folder(String name, String dockerfile) throws IOException {
            Path f = Files.createDirectories(dir.resolve("images").resolve(name));
            Files.writeString(f.resolve("Dockerfile"), "FROM handshake-matrix/debian-12:bookworm\n" + dockerfile + "\n");
            Files.writeString(f.resolve("labels"), "io.handshakematrix.stack=x\nio.handshakematrix.library=none\n"
                    + "io.handshakematrix.version=0\nio.handshakematrix.roles=sender\nio.handshakematrix.shim=1\n");
            Files.writeString(dir.resolve("outside"), "#!/bin/sh\n");
            return dir.resolve("images");
        }

        BoundedJvm check(Path images) throws Exception {
            return BoundedJvm.run(dir, LIMIT_S, "images", "--check", images.toString());
        }

        @Test
        void copyFromAParentDirectory() throws Exception {
            Path images = folder("evil", "COPY ../outside /usr/local/bin/hm-shim");
            oneLineExit2(check(images), images + "/evil/Dockerfile:2: ", "leaves the build context");
        }

        @Test
        void copyPastTheBuildDirectory() throws Exception {
            Path images = folder("evil", "COPY evil/../../../../x /x");
            oneLineExit2(check(images), images + "/evil/Dockerfile:2: ", "'..'");
        }

        @Test
        void absoluteAddSource() throws Exception {
            Path images = folder("evil", "ADD /etc/passwd /x");
            oneLineExit2(check(images), images + "/evil/Dockerfile:2: ", "an absolute path");
        }

        @Test
        void addFromAUrl() throws Exception {
            Path images = folder("evil", "ADD http://127.0.0.1:1/x /x");
            oneLineExit2(check(images), images + "/evil/Dockerfile:2: ", "a URL");
        }

        @Test
        void symlinkLeavingTheFolder() throws Exception {
            Path images = folder("evil", "COPY shims/link /x");
            Files.createDirectories(images.resolve("shims"));
            Files.createSymbolicLink(images.resolve("shims/link"), Path.of("/etc/passwd"));
            BoundedJvm r = check(images);
            oneLineExit2(r, images + "/evil/Dockerfile:2: ", "a symlink");
            assertFalse(r.err().contains("root:"), "nothing of the target is echoed");
        }

        @Test
        void folderNameWithASpace() throws Exception {
            Path images = folder("odd name", "COPY shims/x /x");
            oneLineExit2(check(images), images + "/odd name: ", "expected letters, digits");
        }

        @Test
        void indexNamingAMissingFolder() throws Exception {
            Path images = folder("good", "CMD [\"true\"]");
            Files.writeString(images.resolve("index.txt"), "# folders\ngood\nmissing\n");
            oneLineExit2(check(images), images + "/index.txt:3: ", "no folder 'missing'");
        }
    }

    /** run --resume into an OUT whose journal another run wrote. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Resume {
        Path dir;
        Path first;

        static final String MATRIX = """
                product:
                  receive_side: {"YES": [AES256-SHA], "NO": [DHE-RSA-AES256-SHA]}
                axes:
                  senders: [rhel-7.7]
                  receivers: [rhel-6.10]
                  receive_side: ["YES", "NO"]
                  dh: ["256", dh.pem]
                """;

        @BeforeAll
        void runOnce(@TempDir Path tmp) throws IOException {
            dir = tmp;
            Files.copy(Path.of("examples/dh1024.pem"), dir.resolve("dh.pem"));
            Files.writeString(dir.resolve("m.yaml"), MATRIX);
            first = dir.resolve("first");
            CliRun r = CliRun.of("run", "--matrix", dir.resolve("m.yaml").toString(), "--out", first.toString(),
                    "--quiet", "--no-allure-report");
            assertTrue(r.code() <= 1, r.all());
        }

        /** A copy of the first run's OUT, resumed with {@code matrix}; the journal must come out untouched. */
        BoundedJvm resume(String name, String matrix) throws Exception {
            Path case_ = Files.createDirectories(dir.resolve(name));
            Path out = case_.resolve("out");
            copyTree(first, out);
            Files.copy(dir.resolve("dh.pem"), case_.resolve("dh.pem"));
            Files.writeString(case_.resolve("m.yaml"), matrix);
            return resumeIn(case_, out);
        }

        BoundedJvm resumeIn(Path case_, Path out) throws Exception {
            byte[] journal = Files.isRegularFile(out.resolve("cells.jsonl")) ? Files.readAllBytes(out.resolve("cells.jsonl")) : null;
            BoundedJvm r = BoundedJvm.run(case_, LIMIT_S, "run", "--matrix", case_.resolve("m.yaml").toString(), "--out",
                    out.toString(), "--quiet", "--no-allure-report", "--resume");
            if (journal != null) {
                assertArrayEquals(journal, Files.readAllBytes(out.resolve("cells.jsonl")), "the journal was touched");
            }
            return r;
        }

        @Test
        void whatAReceiveSideEnablesChanged() throws Exception {
            BoundedJvm r = resume("suites", MATRIX.replace("\"NO\": [DHE-RSA-AES256-SHA]", "\"NO\": [AES256-SHA]"));
            oneLineExit2(r, dir.resolve("suites/out/cells.digest").toString(), "receive_side NO changed");
        }

        @Test
        void anotherSetOfCells() throws Exception {
            BoundedJvm r = resume("cells", MATRIX.replace("dh: [\"256\", dh.pem]", "dh: [\"256\"]"));
            oneLineExit2(r, dir.resolve("cells/out/cells.digest").toString(), "cells 2 is new");
        }

        @Test
        void aDhFileWithOtherContentUnderTheSameName() throws Exception {
            Path case_ = Files.createDirectories(dir.resolve("pem"));
            Path out = case_.resolve("out");
            copyTree(first, out);
            Files.copy(Path.of("examples/dh2048.pem"), case_.resolve("dh.pem"));
            Files.writeString(case_.resolve("m.yaml"), MATRIX);
            oneLineExit2(resumeIn(case_, out), out.resolve("cells.digest").toString(), "file dh.pem changed");
        }

        @Test
        void aJournalWithoutItsDigest() throws Exception {
            Path case_ = Files.createDirectories(dir.resolve("nodigest"));
            Path out = case_.resolve("out");
            copyTree(first, out);
            Files.delete(out.resolve("cells.digest"));
            Files.copy(dir.resolve("dh.pem"), case_.resolve("dh.pem"));
            Files.writeString(case_.resolve("m.yaml"), MATRIX);
            oneLineExit2(resumeIn(case_, out), out.resolve("cells.jsonl").toString(), "no record of the matrix");
        }

        @Test
        void aDigestThatIsNotOne() throws Exception {
            Path case_ = Files.createDirectories(dir.resolve("garbage"));
            Path out = case_.resolve("out");
            copyTree(first, out);
            Files.write(out.resolve("cells.digest"), new byte[] {0, 1, 2, '\n', (byte) 0xff});
            Files.copy(dir.resolve("dh.pem"), case_.resolve("dh.pem"));
            Files.writeString(case_.resolve("m.yaml"), MATRIX);
            oneLineExit2(resumeIn(case_, out), out.resolve("cells.digest").toString(), "is new");
        }

        @Test
        void aHugeDigest() throws Exception {
            Path case_ = Files.createDirectories(dir.resolve("huge"));
            Path out = case_.resolve("out");
            copyTree(first, out);
            Files.write(out.resolve("cells.digest"), new byte[8 << 20]);
            Files.copy(dir.resolve("dh.pem"), case_.resolve("dh.pem"));
            Files.writeString(case_.resolve("m.yaml"), MATRIX);
            oneLineExit2(resumeIn(case_, out), out.resolve("cells.digest").toString(), "bytes");
        }

        @Test
        void theSameMatrixResumes() throws Exception {
            BoundedJvm r = resume("same", MATRIX);
            assertFalse(r.killed(), r::all);
            assertTrue(r.code() <= 1, r::all); // 0 or 1 (cells without expectation differ): the documented codes
            assertTrue(r.out().startsWith("4 cells:"), r::all);
        }
    }

    /** plan --fleet with an inventory that is too large, reaches outside its folder, or is no file. */
    @Nested
    class Plan {
        @TempDir
        Path dir;

        BoundedJvm plan(Path fleet, String... more) throws Exception {
            String[] args = new String[4 + more.length];
            args[0] = "plan";
            args[1] = "--fleet";
            args[2] = fleet.toString();
            args[3] = "--out=" + dir.resolve("out");
            System.arraycopy(more, 0, args, 4, more.length);
            return BoundedJvm.run(dir, LIMIT_S, args);
        }

        @Test
        void twoGroupsJoinedByOneEntry() throws Exception {
            Path f = PlanLinkLimitTest.fleet(dir, 6000, 4000);
            oneLineExit2(plan(f), f + ":", "24000000 links; expected at most 100000");
        }

        @Test
        void allToAllOfALargeGroup() throws Exception {
            Path f = PlanLinkLimitTest.fleet(dir, 400, 1);
            Files.writeString(f, Files.readString(f).replace("  - {from: senders, to: receivers}",
                    "  - {all_to_all: senders}"));
            oneLineExit2(plan(f), f + ":", "159600 links");
        }

        @Test
        void aConfigOutsideTheFleetFolderIsNotRead() throws Exception {
            Path f = dir.resolve("fleet.yaml");
            Files.writeString(f, "hosts:\n  a: {stack: rhel-7.7}\n  b: {stack: rhel-6.10, config: /etc/passwd}\n"
                    + "links: [{from: a, to: b}]\n");
            BoundedJvm r = plan(f);
            oneLineExit2(r, f + ":3: ", "outside the fleet's folder");
            assertFalse(r.err().contains("root:"), r::all);
        }

        @Test
        void aConfigReachedThroughParentSteps() throws Exception {
            Path f = Files.createDirectories(dir.resolve("inner")).resolve("fleet.yaml");
            Files.copy(Path.of("examples/configssl.cnf"), dir.resolve("configssl.cnf"));
            Files.writeString(f, "hosts:\n  a: {stack: rhel-7.7}\n  b: {stack: rhel-6.10, config: ../configssl.cnf}\n"
                    + "links: [{from: a, to: b}]\n");
            oneLineExit2(plan(f), f + ":3: ", "outside the fleet's folder");
        }

        @Test
        void aFleetThatIsAFifo() throws Exception {
            Path fifo = dir.resolve("fleet.yaml");
            assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
            oneLineExit2(plan(fifo), fifo.toString(), "expected");
        }

        @Test
        void aFleetOfAliasesThatExpandsExponentially() throws Exception {
            StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < 12; i++) {
                y.append("a").append(i).append(": &a").append(i).append(" [");
                for (int j = 0; j < 10; j++) {
                    y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
                }
                y.append("]\n");
            }
            Path f = Files.writeString(dir.resolve("fleet.yaml"), y);
            oneLineExit2(plan(f), f.toString(), "");
        }

        @Test
        void aLinkToAnUnknownGroup() throws Exception {
            Path f = dir.resolve("fleet.yaml");
            Files.writeString(f, "hosts:\n  a: {stack: rhel-7.7}\nlinks: [{from: a, to: \"<img src=x>\"}]\n");
            oneLineExit2(plan(f), f + ":3: ", "unknown host or group");
        }
    }

    /** explain --file with a log that is no regular file, too large, binary, UTF-16, or full of escapes. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Explain {
        Path dir;
        Path results;

        @BeforeAll
        void runOnce(@TempDir Path tmp) throws IOException {
            dir = tmp;
            Files.writeString(dir.resolve("m.yaml"), """
                    product:
                      receive_side: {"YES": [AES256-SHA], "NO": [DHE-RSA-AES256-SHA]}
                    axes:
                      senders: [rhel-7.7]
                      receivers: [rhel-6.10]
                      receive_side: ["NO"]
                      dh: ["256", "1024"]
                    """);
            CliRun r = CliRun.of("run", "--matrix", dir.resolve("m.yaml").toString(), "--out", dir.resolve("out").toString(),
                    "--quiet", "--no-allure-report");
            assertTrue(r.code() <= 1, r.all());
            results = dir.resolve("out/results.json");
        }

        BoundedJvm explain(Path file) throws Exception {
            return BoundedJvm.run(dir, LIMIT_S, "explain", "--results", results.toString(), "--file", file.toString());
        }

        static final String LINE = "error:14082174:SSL routines:ssl3_check_cert_and_algorithm:dh key too small:s3_clnt.c:3636:";

        @Test
        void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
            Path fifo = dir.resolve("log.fifo");
            assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
            BoundedJvm r = explain(fifo);
            oneLineExit2(r, fifo.toString(), "expected a log file");
            assertTrue(r.millis() < 30_000, r::all);
        }

        @Test
        void aDirectoryIsRefused() throws Exception {
            oneLineExit2(explain(dir), dir.toString(), "expected a log file");
        }

        @Test
        void aFileOverTheLimitIsRefusedReadingNoFurther() throws Exception {
            Path f = dir.resolve("huge.log");
            try (var out = Files.newOutputStream(f)) {
                byte[] chunk = (LINE + "\n").getBytes(StandardCharsets.US_ASCII);
                for (long n = 0; n < (64L << 20) / chunk.length; n++) {
                    out.write(chunk);
                }
            }
            oneLineExit2(explain(f), f.toString(), "larger than the 4 MiB explain reads");
        }

        @Test
        void binaryDataIsRefused() throws Exception {
            Path f = Files.write(dir.resolve("core"), new byte[] {'E', 'L', 'F', '\n', 0, 1, 2, 3, (byte) 0xff, 9});
            oneLineExit2(explain(f), f + ":2: ", "binary data");
        }

        @Test
        void aUtf16LogWithItsBomIsRead() throws Exception {
            Path f = dir.resolve("utf16.log");
            byte[] text = ("2026-12-01 product: " + LINE + "\r\n").getBytes(StandardCharsets.UTF_16LE);
            byte[] all = new byte[text.length + 2];
            all[0] = (byte) 0xFF;
            all[1] = (byte) 0xFE;
            System.arraycopy(text, 0, all, 2, text.length);
            Files.write(f, all);
            BoundedJvm r = explain(f);
            assertFalse(r.killed(), r::all);
            assertTrue(r.code() <= 1, r::all);
            assertTrue(r.out().contains("dh key too small"), r::all);
        }

        @Test
        void aUtf16LogWithoutBomIsRead() throws Exception {
            Path f = Files.write(dir.resolve("utf16be.log"), (LINE + "\n").getBytes(StandardCharsets.UTF_16BE));
            BoundedJvm r = explain(f);
            assertTrue(r.code() <= 1, r::all);
            assertTrue(r.out().contains("dh key too small"), r::all);
        }

        @Test
        void terminalEscapesAreNotPrinted() throws Exception {
            Path f = Files.writeString(dir.resolve("ansi.log"), "\u001b[2J\u001b[31m" + LINE + "\u0007\r\n"
                    + "error: \u001b]0;owned\u0007 handshake failed\n");
            BoundedJvm r = explain(f);
            assertTrue(r.code() <= 1, r::all);
            assertFalse(r.out().chars().anyMatch(c -> c == 0x1b || c == 7 || c == '\r'), r::all);
        }

        @Test
        void aHundredThousandDistinctLinesAreAnsweredInBoundedTime() throws Exception {
            Path f = dir.resolve("many.log");
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 100_000; i++) {
                s.append("host").append(i).append(" error: handshake failed ").append(i).append('\n');
            }
            Files.writeString(f, s);
            BoundedJvm r = explain(f);
            assertFalse(r.killed(), r::all);
            assertTrue(r.code() <= 1, r::all);
            assertTrue(r.out().contains("more distinct lines not shown (at most 20)"), r::all);
        }
    }

    /**
     * The writers on a real run and a real plan whose DH file and config file are named with Markdown and HTML
     * syntax and a terminal escape: every page keeps them as text (HostileReportTextTest holds the escaping functions'
     * own cases and hand-made results).
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Writers {
        static final String DH = "odd|na`me<img src=x onerror=alert(1)>.pem";
        static final String CNF = "c`x`|<img src=x onerror=alert(2)>.cnf";
        Path dir;
        CliRun run;
        CliRun plan;

        @BeforeAll
        void runAndPlan(@TempDir Path tmp) throws IOException {
            dir = tmp;
            Files.copy(Path.of("examples/dh1024.pem"), dir.resolve(DH));
            Files.writeString(dir.resolve("m.yaml"), """
                    product:
                      receive_side: {"YES": [AES256-SHA], "NO": [DHE-RSA-AES256-SHA]}
                    axes:
                      senders: [rhel-7.7]
                      receivers: [rhel-6.10]
                      receive_side: ["NO"]
                      dh: ["256", "%s"]
                    """.formatted(DH));
            run = CliRun.of("run", "--matrix", dir.resolve("m.yaml").toString(), "--out", dir.resolve("out").toString(),
                    "--no-allure-report");
            assertTrue(run.code() <= 1, run.all());
            Path pf = Files.createDirectories(dir.resolve("fleet"));
            for (String f : new String[] {"configssl.cnf", "configssl-fixed.cnf", "dh1024.pem", "dh2048.pem"}) {
                Files.copy(Path.of("examples", f), pf.resolve(f));
            }
            Files.copy(Path.of("examples/configssl-fixed.cnf"), pf.resolve(CNF));
            Files.writeString(pf.resolve("fleet.yaml"), "hosts:\n  s1: {stack: rhel-7.7}\n  r1: {stack: rhel-6.10, "
                    + "config: configssl.cnf}\nlinks: [{from: s1, to: r1}]\nchanges:\n  - {hosts: r1, config: \""
                    + CNF.replace("\"", "\\\"") + "\"}\n");
            plan = CliRun.of("plan", "--fleet", pf.resolve("fleet.yaml").toString(), "--out", dir.resolve("plan").toString());
            assertTrue(plan.code() <= 1, plan.all());
        }

        private org.jsoup.nodes.Document markdown(Path f) throws IOException {
            var ext = java.util.List.of(org.commonmark.ext.gfm.tables.TablesExtension.create());
            return org.jsoup.Jsoup.parse(org.commonmark.renderer.html.HtmlRenderer.builder().extensions(ext).build()
                    .render(org.commonmark.parser.Parser.builder().extensions(ext).build().parse(Files.readString(f))));
        }

        private void keepsAsText(org.jsoup.nodes.Document d, String value, String what) {
            assertTrue(d.select("img, script").isEmpty(), () -> what + ": an element from data:\n" + d.body());
            for (var t : d.select("table")) {
                int columns = t.select("thead th").size();
                for (var row : t.select("tbody tr")) {
                    assertEquals(columns, row.select("td, th").size(), () -> what + ": a row lost its columns: " + row);
                }
            }
            assertTrue(d.text().contains(value), () -> what + " lost " + value + ":\n" + d.text());
        }

        @Test
        void kbMarkdown() throws IOException {
            keepsAsText(markdown(dir.resolve("out/kb.md")), DH, "kb.md");
        }

        @Test
        void kbDetailMarkdown() throws IOException {
            keepsAsText(markdown(dir.resolve("out/kb-detail.md")), DH, "kb-detail.md");
        }

        @Test
        void kbHtml() throws IOException {
            keepsAsText(org.jsoup.Jsoup.parse(Files.readString(dir.resolve("out/kb-detail.html"))), DH, "kb-detail.html");
        }

        @Test
        void planMarkdown() throws IOException {
            keepsAsText(markdown(dir.resolve("plan/plan.md")), CNF, "plan.md");
        }

        @Test
        void planHtml() throws IOException {
            keepsAsText(org.jsoup.Jsoup.parse(Files.readString(dir.resolve("plan/plan.html"))), CNF, "plan.html");
        }

        @Test
        void allureResultsKeepTheNameInTheirParameters() throws IOException {
            boolean found = false;
            try (Stream<Path> s = Files.list(dir.resolve("out/allure-results"))) {
                for (Path p : s.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                    var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.toFile());
                    found |= n.toString().contains(DH.replace("\"", "\\\""));
                    var d = markdown(Files.writeString(dir.resolve("description.md"), n.get("description").asText()));
                    assertTrue(d.select("img, script, code").isEmpty(), () -> p + ": " + d.body());
                }
            }
            assertTrue(found, "no result names the DH file");
        }

        @Test
        void consoleTableAndLinesCarryNoTerminalEscape() throws IOException {
            Path esc = dir.resolve("esc");
            Files.createDirectories(esc);
            String name = "x\u001b[2J\u001b]0;t\u0007.pem";
            Files.copy(Path.of("examples/dh1024.pem"), esc.resolve(name));
            Files.writeString(esc.resolve("m.yaml"), "product:\n  receive_side: {\"NO\": [DHE-RSA-AES256-SHA]}\naxes:\n"
                    + "  senders: [rhel-7.7]\n  receivers: [rhel-6.10]\n  receive_side: [\"NO\"]\n  dh: [\"x\\e[2J\\e]0;t\\a.pem\"]\n");
            CliRun r = CliRun.of("run", "--matrix", esc.resolve("m.yaml").toString(), "--out", esc.resolve("out").toString(),
                    "--no-allure-report");
            assertTrue(r.all().chars().noneMatch(c -> c == 0x1b || c == 7), r.all());
        }
    }
}
