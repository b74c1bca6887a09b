package io.handshakematrix.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;

/** Parses YAML into {@link YamlNode}s; every failure becomes one {@link InputError} line. */
public final class YamlFiles {
    private static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int MAX_ALIASES = 20;
    /** SnakeYAML refuses deeper nesting without saying where; {@link #tooDeepAt} finds the line. */
    private static final int MAX_DEPTH = 50;

    private YamlFiles() {}

    public static YamlNode read(Path file) {
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, MAX_BYTES, "a YAML file");
        } catch (InputError e) {
            if (e.getMessage().startsWith("file not found")) {
                throw new InputError(e.file(), 0, "file not found"); // the wording scripts and tests already match
            }
            throw e;
        }
        return parse(file.toString(), bytes);
    }

    public static YamlNode read(String name, InputStream in) throws IOException {
        return parse(name, in.readNBytes(MAX_BYTES + 1));
    }

    public static YamlNode parse(String name, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InputError(name, 0, "file is over " + MAX_BYTES + " bytes; expected a YAML file of at most "
                    + MAX_BYTES + " bytes");
        }
        String text = TextBytes.utf8(name, bytes, "a YAML file");
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH);
        Node root;
        try (Reader r = new StringReader(text)) {
            root = new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new InputError(name, m == null ? 0 : m.getLine() + 1, "YAML syntax: " + problem.replace('\n', ' ').trim()
                    + context(e, m));
        } catch (YAMLException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Nesting Depth exceeded")) {
                throw new InputError(name, tooDeepAt(text), "lists and mappings nested more than " + MAX_DEPTH
                        + " deep; expected a flatter structure");
            }
            if (e.getMessage() != null && e.getMessage().startsWith("Number of aliases")) {
                throw new InputError(name, 0, "more than " + MAX_ALIASES + " aliases (*name) to lists or mappings; "
                        + "expected plain YAML (so many aliases can expand without bound)");
            }
            throw new InputError(name, 0, "YAML: " + e.getMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new InputError(name, 0, e.getMessage());
        }
        if (root == null) {
            throw new InputError(name, 1, "file is empty; expected a YAML mapping");
        }
        return new YamlNode(name, root, "");
    }

    /** The line where nesting first goes past {@link #MAX_DEPTH}, from the parser's events (which carry marks). */
    private static int tooDeepAt(String text) {
        int depth = 0;
        try {
            for (Event e : new Yaml().parse(new StringReader(text))) {
                if (e instanceof CollectionStartEvent) {
                    if (++depth > MAX_DEPTH) {
                        return e.getStartMark().getLine() + 1;
                    }
                } else if (e instanceof CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YAMLException e) {
            // the composer's limit is the message; a parser error past it does not change the answer
        }
        return 0;
    }

    /** SnakeYAML's "while parsing a flow sequence" names where the broken construct began, if on another line. */
    private static String context(MarkedYAMLException e, Mark problem) {
        Mark c = e.getContextMark();
        if (e.getContext() == null || c == null || problem == null || c.getLine() == problem.getLine()) {
            return "";
        }
        return " (" + e.getContext().replace("while ", "").trim() + " that starts at line " + (c.getLine() + 1) + ")";
    }
}
