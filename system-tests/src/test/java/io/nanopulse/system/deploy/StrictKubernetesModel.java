package io.nanopulse.system.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Kubernetes objects read into fabric8's typed model, refusing unknown fields. fabric8's model classes keep
 * unknown fields in an "additionalProperties" map (through {@code @JsonAnySetter}), so a misspelt
 * {@code readynessProbe} would parse silently; this mapper ignores the any-setters, so it fails instead.
 */
final class StrictKubernetesModel {
    private static final KubernetesSerialization REGISTRY = new KubernetesSerialization();
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            });

    private StrictKubernetesModel() {
    }

    /** The model class of a core kind (Deployment, Service, ...), or null for a custom resource. */
    static Class<? extends HasMetadata> typedClass(String apiVersion, String kind) {
        var c = REGISTRY.getRegisteredKubernetesResource(apiVersion, kind);
        return c == null || !HasMetadata.class.isAssignableFrom(c) || c == GenericKubernetesResource.class
                ? null : c.asSubclass(HasMetadata.class);
    }

    /** A core kind, strictly; throws with Jackson's message (field name and path) on an unknown field. */
    static <T extends HasMetadata> T typed(JsonNode tree, Class<T> type) {
        try {
            return STRICT.treeToValue(tree, type);
        } catch (Exception e) {
            throw new AssertionError(type.getSimpleName() + " " + tree.path("metadata").path("name").asText()
                    + " does not match the Kubernetes model: " + e.getMessage(), e);
        }
    }

    /** A custom resource (Strimzi, CloudNativePG): the envelope is checked, the spec read as a tree. */
    static GenericKubernetesResource generic(JsonNode tree) {
        return REGISTRY.convertValue(tree, GenericKubernetesResource.class);
    }
}
