package io.nanopulse.system.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The part of {@code kustomize build} our manifests use, offline: resources (files and directories,
 * recursively), namespace, labels, images, replicas and strategic-merge patches (including {@code $patch: delete};
 * lists are replaced, maps merged). Any other kustomization field fails, so a new feature cannot go unchecked.
 */
final class Kustomize {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "labels", "resources",
            "images", "replicas", "patches");

    /** One resulting object and the file it came from. */
    record Doc(Path file, ObjectNode tree) {
        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        String apiVersion() {
            return tree.path("apiVersion").asText();
        }

        String id() {
            return kind() + "/" + name();
        }
    }

    private final Set<Path> filesRead = new LinkedHashSet<>();

    /** Every file a build read (resources, patches, kustomizations): to find files no kustomization lists. */
    Set<Path> filesRead() {
        return filesRead;
    }

    static List<ObjectNode> readAll(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            var docs = new ArrayList<ObjectNode>();
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n == null || n.isNull() || n.isMissingNode()) continue;
                assertTrue(n.isObject(), file + ": a document is not a mapping");
                docs.add((ObjectNode) n);
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    List<Doc> build(Path dir) {
        Path kustomization = dir.resolve("kustomization.yaml");
        assertTrue(Files.isRegularFile(kustomization), "no kustomization.yaml in " + dir);
        filesRead.add(kustomization.normalize());
        ObjectNode k = readAll(kustomization).get(0);
        k.fieldNames().forEachRemaining(f -> assertTrue(SUPPORTED.contains(f),
                kustomization + ": field '" + f + "' is not understood by this check; extend Kustomize.java"));
        var docs = new ArrayList<Doc>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            assertTrue(Files.exists(p), kustomization + " lists " + r.asText() + ", which does not exist");
            if (Files.isDirectory(p)) {
                docs.addAll(build(p));
            } else {
                filesRead.add(p);
                readAll(p).forEach(t -> docs.add(new Doc(p, t)));
            }
        }
        for (JsonNode patch : k.path("patches")) {
            Path p = dir.resolve(patch.path("path").asText()).normalize();
            assertTrue(Files.isRegularFile(p), kustomization + ": patch " + p + " does not exist");
            filesRead.add(p);
            for (ObjectNode change : readAll(p)) {
                Doc target = docs.stream().filter(d -> d.kind().equals(change.path("kind").asText())
                                && d.name().equals(change.path("metadata").path("name").asText())).findFirst()
                        .orElseGet(() -> fail(p + " patches " + change.path("kind").asText() + "/"
                                + change.path("metadata").path("name").asText() + ", which the build does not contain"));
                if ("delete".equals(change.path("$patch").asText())) {
                    docs.remove(target);
                } else {
                    merge(target.tree(), change);
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            String name = image.path("name").asText();
            int replaced = 0;
            for (Doc d : docs) {
                for (JsonNode c : d.tree().path("spec").path("template").path("spec").path("containers")) {
                    String current = c.path("image").asText();
                    if (current.equals(name) || current.startsWith(name + ":")) {
                        ((ObjectNode) c).put("image", image.path("newName").asText(name) + ":" + image.path("newTag").asText());
                        replaced++;
                    }
                }
            }
            assertTrue(replaced > 0, kustomization + ": image " + name + " is used by no container");
        }
        for (JsonNode r : k.path("replicas")) {
            Doc d = docs.stream().filter(x -> x.kind().equals("Deployment") && x.name().equals(r.path("name").asText()))
                    .findFirst().orElseGet(() -> fail(kustomization + ": replicas for unknown Deployment " + r.path("name").asText()));
            ((ObjectNode) d.tree().path("spec")).put("replicas", r.path("count").asInt());
        }
        for (JsonNode l : k.path("labels")) {
            for (Doc d : docs) {
                ObjectNode meta = (ObjectNode) d.tree().path("metadata");
                ObjectNode labels = meta.has("labels") ? (ObjectNode) meta.get("labels") : meta.putObject("labels");
                l.path("pairs").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
            }
        }
        if (k.hasNonNull("namespace")) {
            for (Doc d : docs) {
                if (!d.kind().equals("Namespace")) {
                    ((ObjectNode) d.tree().path("metadata")).put("namespace", k.get("namespace").asText());
                }
            }
        }
        var ids = new LinkedHashSet<String>();
        for (Doc d : docs) {
            assertTrue(ids.add(d.id()), dir + ": " + d.id() + " is defined twice");
        }
        return docs;
    }

    /** Strategic merge as our patches need it: maps merge key by key, anything else (lists too) is replaced. */
    private static void merge(ObjectNode target, ObjectNode change) {
        for (Iterator<Map.Entry<String, JsonNode>> it = change.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode o && e.getValue() instanceof ObjectNode c) {
                merge(o, c);
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }
}
