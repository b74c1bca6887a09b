package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * reports/kb/ after a real run with RHEL 8+ stacks: the OS tables under the DEFAULT policy with TLS 1.3 between two
 * RHEL 8+ hosts, a table of their own for another crypto policy, the one sentence on the two fixes after the upgrade
 * read off the cells, and every article still pasteable (under 3 KB, only lines a stack printed).
 */
class KbUpgradeTablesTest {
    @TempDir
    static Path dir;
    private static Path kb;

    @BeforeAll
    static void runOldAndNewReleases() throws IOException {
        String product = "product:\n  receive_side: {\"YES\": [AES256-SHA], \"NO\": [DHE-RSA-AES256-SHA]}\n";
        String any = "expect:\n  - why: \"any verdict: this run only feeds the KB\"\n    outcome: fail\n";
        Files.writeString(dir.resolve("legacy.yaml"), product + "axes:\n  senders: [rhel-9.4]\n  receivers: [rhel-6.10]\n"
                + "  sender_policy: [LEGACY]\n  receive_side: [\"YES\", \"NO\"]\n  dh: [\"1024\", \"2048\"]\n"
                + "  protocols: [TLSv1.2]\n" + any);
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, "include: [legacy.yaml]\n" + product
                + "axes:\n  senders: [rhel-6.10, rhel-9.4, rhel-10.0]\n  receivers: [rhel-6.10, rhel-9.4, rhel-10.0]\n"
                + "  receive_side: [\"YES\", \"NO\"]\n  dh: [256-g1, \"1024\", \"2048\"]\n  protocols: [TLSv1.2, default]\n"
                + any);
        CliRun r = CliRun.of("run", "--matrix", m.toString(), "--out", dir.toString(), "--quiet", "--no-allure-report");
        assertTrue(r.code() == 0 || r.code() == 1, r.all());
        kb = dir.resolve("kb");
    }

    @Test
    void theOsTableShowsTls13BetweenNewReleasesAndWhatTls12Gets() throws IOException {
        String md = Files.readString(kb.resolve("compatibility.md"));
        assertTrue(md.contains("| sender / receiver | RHEL 6.10 | RHEL 9.4 | RHEL 10.0 |"), md);
        // RHEL 9.4 -> RHEL 10.0, RSA: TLS 1.3 by themselves; a TLS 1.2-only side finds no TLS_RSA on RHEL 10
        assertTrue(md.contains("| RHEL 9.4 | ✔ works | ✔ TLS 1.3; TLS 1.2 only: ✔ works | ✔ TLS 1.3; TLS 1.2 only: ✖ "
                + "receiver: `no shared cipher` |"), md);
        assertTrue(md.contains("| RHEL 6.10 | ✔ from 1024 bits (`DH_1024_RECEIVE_SIDE`)"), md);
        String html = Files.readString(kb.resolve("compatibility.html"));
        assertTrue(html.contains("<table id=\"compat-no-sender-policies\">"), html);
        assertTrue(md.contains("| RHEL 9.4 (LEGACY policy) | ✔ from 2048 bits (`DH_2048_RECEIVE_SIDE`) |"), md);
    }

    @Test
    void oneSentenceSaysWhichFixSurvivesFromTheCells() throws IOException {
        String md = Files.readString(kb.resolve("compatibility.md"));
        // RHEL 9 clients refuse 1024 bits, and a RHEL 9/10 receiver cannot even load the table
        assertTrue(md.matches("(?s).*After an upgrade to RHEL 9\\.4 and RHEL 10\\.0 \\(DEFAULT crypto policy, TLS 1\\.2 "
                + "cells of this run\\), the 1024-bit `\\[DH]` table fails on all of them \\(("
                + "sender: `dh key too small`; receiver: `dh key too small`|"
                + "receiver: `dh key too small`; sender: `dh key too small`)\\), .*"), md);
        assertTrue(md.contains("`RECEIVE_SIDE = YES` holds on RHEL 9.4 but fails on RHEL 10.0 (receiver: `no shared "
                + "cipher`), and a 2048-bit table holds on all of them."), md);
    }

    @Test
    void everyArticleIsPasteable() throws IOException {
        List<Path> articles = Files.list(kb).filter(p -> p.toString().endsWith(".md")).toList();
        assertTrue(articles.size() > 3, articles.toString());
        for (Path p : articles) {
            String text = Files.readString(p);
            if (!p.endsWith("compatibility.md")) {
                assertTrue(Files.size(p) < 3 * 1024, p + ": " + Files.size(p) + " bytes");
            }
            assertFalse(text.contains("(connection closed"), p + " quotes a harness note as a log line");
            assertFalse(text.contains("@") || text.matches("(?s).*\\d{2}:\\d{2}:\\d{2}\\.\\d+Z.*"), p + ": " + text);
        }
    }
}
