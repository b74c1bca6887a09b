package io.handshakematrix.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Parses YAML into {@link YamlNode}s; every failure becomes one {@link InputError} line. */
public final class YamlFiles {
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private YamlFiles() {}

    public static YamlNode read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InputError(name, 0, "is a directory; expected a YAML file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputError(name, 0, "file not found");
        } catch (IOException e) {
            throw new InputError(name, 0, "cannot read: " + e.getMessage());
        }
        return parse(name, bytes);
    }

    public static YamlNode read(String name, InputStream in) throws IOException {
        return parse(name, in.readAllBytes());
    }

    public static YamlNode parse(String name, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InputError(name, 0, "file is " + bytes.length + " bytes; expected a YAML file under " + MAX_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputError(name, 0, "not UTF-8 text; expected a YAML file");
        }
        if (text.indexOf('\0') >= 0) {
            throw new InputError(name, 0, "contains NUL bytes; expected a YAML text file");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(MAX_BYTES);
        Node root;
        try (Reader r = new StringReader(text)) {
            root = new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new InputError(name, m == null ? 0 : m.getLine() + 1, "YAML syntax: " + problem.replace('\n', ' ').trim());
        } catch (YAMLException e) {
            throw new InputError(name, 0, "YAML: " + e.getMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new InputError(name, 0, e.getMessage());
        }
        if (root == null) {
            throw new InputError(name, 1, "file is empty; expected a YAML mapping");
        }
        return new YamlNode(name, root, "");
    }
}
