package io.handshakematrix.profile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The evidence travels with the tool: every citation of a research page in the profiles, product profiles,
 * matrices, code and README names a file of docs/, and a quoted section after it ("docs/stacks.md 'RHEL 7.7
 * system OpenSSL'") is a heading of that file. A citation of a page outside the repository fails.
 */
class EvidenceCitationsTest {
    private static final Pattern DOC = Pattern.compile("docs/([\\w.-]+\\.md)(?:[ :]+[\"']([^\"']{4,80})[\"'])?");
    private static final Pattern OUTSIDE = Pattern.compile("(?<!docs/)\\b(?:STACKS|NOTES)\\.md|/work/shared");

    private static List<Path> citing() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("matrix.yaml"),
                Path.of("matrix-jvm.yaml"), Path.of("matrix-containers.yaml"), Path.of("matrix-policy-twins.yaml"),
                Path.of("matrix-policy-twins-rsa.yaml"), Path.of("matrix-policy-twins-receivers.yaml"),
                Path.of("matrix-policy-twins-rhel.yaml")));
        for (String dir : List.of("src/main/resources", "src/main/java", "src/test/resources", "images")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|java|md)$"))
                        .forEach(files::add);
            }
        }
        return files.stream().filter(Files::exists).toList();
    }

    @Test
    void everyCitedResearchPageIsInDocsAndEveryQuotedSectionIsOneOfItsHeadings() throws IOException {
        List<String> problems = new ArrayList<>();
        int cited = 0;
        for (Path f : citing()) {
            String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1); // the bad-input corpus holds invalid UTF-8
            Matcher out = OUTSIDE.matcher(text);
            while (out.find()) {
                problems.add(f + ": cites '" + out.group() + "', which is not in the repository");
            }
            Matcher m = DOC.matcher(text);
            while (m.find()) {
                cited++;
                Path doc = Path.of("docs", m.group(1));
                if (!Files.isRegularFile(doc)) {
                    problems.add(f + ": cites " + doc + ", which does not exist");
                } else if (m.group(2) != null && !Files.readString(doc).contains("## " + m.group(2).replaceFirst("\\s*\\.\\.\\.$", ""))) {
                    problems.add(f + ": cites section '" + m.group(2) + "' of " + doc + ", which has no such heading");
                }
            }
        }
        assertTrue(cited > 50, "the profiles cite their evidence: " + cited);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
