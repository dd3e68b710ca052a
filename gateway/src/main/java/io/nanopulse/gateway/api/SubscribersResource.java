package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.alerts.DeliveryPage;
import io.nanopulse.contracts.api.alerts.Subscriber;
import io.nanopulse.contracts.api.alerts.SubscriberPage;
import io.nanopulse.contracts.api.alerts.SubscriberRequest;
import io.nanopulse.gateway.application.StreamSlots;
import io.nanopulse.gateway.domain.Query;
import io.nanopulse.gateway.domain.Roles;
import io.nanopulse.gateway.domain.Service;
import io.nanopulse.gateway.domain.Verb;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.io.InputStream;

/** The caller's subscribers, their deliveries and live stream (→ alerts-service, as the caller's principal). */
@Path("/api/v1/subscribers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@RolesAllowed(Roles.ALERTS)
public class SubscribersResource {
    static final String ID = "Subscriber id (UUID).";
    static final String ID_EXAMPLE = "0b9d5f1e-8f5a-4d7e-9a57-3f0b7a2c9e11";
    /** Stands for the caller's receiver (its host must resolve to public addresses). */
    static final String WEBHOOK_EXAMPLE = "https://hooks.example.org/nanopulse";
    /** Alerts by e-mail once the address is confirmed (a confirmation mail goes out when it is saved). */
    static final String EMAIL_DIGEST_EXAMPLE = "{\"name\":\"ip-team\",\"email\":\"analyst@example.org\",\"emailDigest\":\"PT1H\"}";
    static final String EMAIL_EXAMPLE = "{\"name\":\"ip-team\",\"webhookUrl\":\"" + WEBHOOK_EXAMPLE + "\",\"email\":\"ip-team@example.org\"}";

    private final Forwarder forwarder;
    private final LiveStreams liveStreams;

    public SubscribersResource(Forwarder forwarder, LiveStreams liveStreams) {
        this.forwarder = forwarder;
        this.liveStreams = liveStreams;
    }

    static String path(String id) {
        return "/subscribers/" + Query.segment("id", id);
    }

    @GET
    @Operation(operationId = "listSubscribers", summary = "List your subscribers")
    @APIResponse(responseCode = "200", description = "One page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriberPage.class)))
    public Uni<Response> list(
            @Parameter(description = "Page number from 0.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "Page size (1..200).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") String size) {
        return forwarder.get(Service.ALERTS, Query.path("/subscribers").param("page", page).param("size", size));
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubscriber", summary = "Create a subscriber",
            description = "The answer carries the webhook signing secret (whsec_...) once; it is never shown again. "
                    + "An e-mail address gets a confirmation mail; alerts are mailed to it once it is confirmed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriberRequest.class),
            examples = {@ExampleObject(name = "with a webhook", value = "{\"name\":\"ip-team\",\"webhookUrl\":\"" + WEBHOOK_EXAMPLE + "\"}"),
                    @ExampleObject(name = "stream only", value = "{\"name\":\"ip-team\"}"),
                    @ExampleObject(name = "by e-mail, an hourly digest", value = EMAIL_DIGEST_EXAMPLE)}))
    @APIResponse(responseCode = "201", description = "Created, with its secret.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Subscriber.class)))
    public Uni<Response> create(@Parameter(hidden = true) InputStream body) {
        return forwarder.send(Service.ALERTS, Verb.POST, Query.path("/subscribers"), body);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSubscriber", summary = "One of your subscribers")
    @APIResponse(responseCode = "200", description = "The subscriber.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Subscriber.class)))
    public Uni<Response> get(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id) {
        return forwarder.get(Service.ALERTS, Query.path(path(id)));
    }

    @PUT
    @Path("/{id}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSubscriber", summary = "Replace a subscriber",
            description = "Saving a webhook URL (even the same) re-enables a disabled endpoint. "
                    + "A new e-mail address gets a confirmation mail; alerts are mailed to it once it is confirmed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriberRequest.class),
            examples = {@ExampleObject(name = "with a webhook", value = "{\"name\":\"ip-team\",\"webhookUrl\":\"" + WEBHOOK_EXAMPLE + "\"}"),
                    @ExampleObject(name = "stream only", value = "{\"name\":\"ip-team\"}"),
                    @ExampleObject(name = "a webhook and e-mail", value = EMAIL_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "The subscriber.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Subscriber.class)))
    public Uni<Response> update(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id,
                                @Parameter(hidden = true) InputStream body) {
        return forwarder.send(Service.ALERTS, Verb.PUT, Query.path(path(id)), body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSubscriber", summary = "Delete a subscriber")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Uni<Response> delete(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id) {
        return forwarder.delete(Service.ALERTS, Query.path(path(id)));
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateSubscriberSecret", summary = "Rotate the webhook secret",
            description = "A new secret, shown once; the previous one keeps signing for an overlap period.")
    @APIResponse(responseCode = "200", description = "The subscriber with its new secret.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Subscriber.class)))
    public Uni<Response> rotateSecret(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id) {
        return forwarder.call(Service.ALERTS, Verb.POST, Query.path(path(id) + "/rotate-secret"));
    }

    @POST
    @Path("/{id}/email-confirmation")
    @Operation(operationId = "resendEmailConfirmation", summary = "Send the e-mail confirmation again",
            description = "Mails a new confirmation link to the subscriber's unconfirmed address (the previous link stops working). "
                    + "Alerts are mailed to an address only once it is confirmed. The link is sent again at most once a minute per "
                    + "subscriber (nanopulse.alerts.email.resend-interval); sooner is answered 429 with Retry-After.")
    @APIResponse(responseCode = "202", description = "The confirmation mail is on its way; the subscriber as it is.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Subscriber.class)))
    @APIResponse(responseCode = "409", description = "The subscriber has no e-mail address, or it is confirmed already.")
    public Uni<Response> resendEmailConfirmation(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id) {
        return forwarder.call(Service.ALERTS, Verb.POST, Query.path(path(id) + "/email-confirmation"));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listDeliveries", summary = "Webhook deliveries of a subscriber", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "One page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryPage.class)))
    public Uni<Response> deliveries(
            @Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id,
            @Parameter(description = "Only deliveries in this status.", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"PENDING", "DELIVERED", "FAILED"})) @QueryParam("status") String status,
            @Parameter(description = "Page number from 0.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "Page size (1..200).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("size") String size) {
        return forwarder.get(Service.ALERTS, Query.path(path(id) + "/deliveries").param("status", status)
                .param("page", page).param("size", size));
    }

    @GET
    @Path("/{id}/stream")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(operationId = "streamAlerts", summary = "Live alert notifications (Server-Sent Events)",
            description = "Each notification of this subscriber as a CloudEvent (JSON) in the `data:` of one event, as alerts-service sends it. "
                    + "A comment line (`:heartbeat`) keeps a quiet stream open; the stream ends once the key is revoked or loses the role alerts "
                    + "(within nanopulse.gateway.auth.cache-ttl, 10 s by default). "
                    + "A key may hold 4 open streams (nanopulse.gateway.streams.max-per-key), the gateway 48 (max-total); one more is answered 429 with Retry-After.")
    @APIResponse(responseCode = "200", description = "An open event stream.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "one notification",
                            value = "data:{\"specversion\":\"1.0\",\"type\":\"io.nanopulse.alert.firing\",\"id\":\"3f1c\"}\n\n")))
    public Multi<OutboundSseEvent> stream(@Parameter(description = ID, example = ID_EXAMPLE) @PathParam("id") String id,
                                          @Context Sse sse) {
        StreamSlots.Slot slot = liveStreams.reserve();
        try {
            // Ownership and existence first, as a plain call, so a refusal is an ordinary problem answer.
            Response check = forwarder.get(Service.ALERTS, Query.path(path(id))).await().indefinitely();
            if (check.getStatus() != 200) {
                throw new PassThroughException(check);
            }
            return liveStreams.open(slot, forwarder.events(Service.ALERTS, Query.path(path(id) + "/stream")), Roles.ALERTS, sse);
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
    }
}
