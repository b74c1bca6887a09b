package io.handshakematrix.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The main artifact is a library a product's build depends on: its POM must not hand the product a logging binding
 * (SLF4J prints "multiple SLF4J bindings" and picks one at random) nor the CLI's own libraries. They may be in the
 * POM only as optional (the CLI jar, classifier cli, carries them), provided or test.
 */
class LibraryPomTest {
    /** SLF4J 1.x and 2.x bindings and bridges that would choose the product's logging for it. */
    private static final Set<String> LOGGING_BINDINGS = Set.of("slf4j-simple", "slf4j-nop", "slf4j-jdk14",
            "slf4j-log4j12", "slf4j-reload4j", "logback-classic", "log4j-slf4j-impl", "log4j-slf4j2-impl");
    /** Used by the cli package only (command line parsing, the interactive progress bar). */
    private static final Set<String> CLI_ONLY = Set.of("picocli", "progressbar");

    @Test
    void noLoggingBindingNorCliLibraryReachesALibraryUser() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile()).getDocumentElement();
        NodeList deps = project.getElementsByTagName("dependency");
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            if (!"project".equals(((Element) d.getParentNode().getParentNode()).getTagName())) {
                continue; // dependencyManagement's import, not a dependency
            }
            String id = text(d, "artifactId");
            if (!LOGGING_BINDINGS.contains(id) && !CLI_ONLY.contains(id)) {
                continue;
            }
            String scope = text(d, "scope");
            boolean hidden = "true".equals(text(d, "optional")) || "test".equals(scope) || "provided".equals(scope);
            if (!hidden) {
                leaks.add(id + " (scope " + (scope.isEmpty() ? "compile" : scope) + ")");
            }
        }
        assertEquals(List.of(), leaks, "pom.xml: these reach a product's classpath; make them <optional>true</optional>");
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
    }
}
