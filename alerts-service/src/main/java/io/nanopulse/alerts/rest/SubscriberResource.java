package io.nanopulse.alerts.rest;

import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.delivery.AlertNotification;
import io.nanopulse.alerts.delivery.NotificationHub;
import io.nanopulse.alerts.delivery.WebhookSender;
import io.nanopulse.alerts.delivery.WebhookSigner;
import io.nanopulse.alerts.persistence.Subscriber;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Subscribers of the calling owner: CRUD, secret rotation and the live SSE stream. */
@Path("/subscribers")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriberResource {

    @Inject
    Caller caller;

    @Inject
    WebhookSender sender;

    @Inject
    NotificationHub hub;

    @Inject
    AlertsConfig config;

    @POST
    @Transactional
    public Response create(@Valid @NotNull(message = "a JSON body is required") SubscriberRequest body) {
        Instant now = Instant.now();
        Subscriber s = new Subscriber();
        s.id = UUID.randomUUID();
        s.owner = caller.owner();
        s.name = body.name().trim();
        s.webhookUrl = checkedUrl(body.webhookUrl());
        s.webhookEnabled = s.webhookUrl != null;
        s.secret = WebhookSigner.newSecret();
        s.createdAt = now;
        s.updatedAt = now;
        s.persist();
        return Response.created(URI.create("/subscribers/" + s.id)).entity(SubscriberView.of(s, s.secret)).build();
    }

    @GET
    @Transactional
    public Page<SubscriberView> list(@QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        var q = Subscriber.<Subscriber>find("owner = ?1 order by createdAt, id", caller.owner()).page(page, size);
        return new Page<>(q.list().stream().map(s -> SubscriberView.of(s, null)).toList(), page, size, q.count());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public SubscriberView get(@PathParam("id") UUID id) {
        return SubscriberView.of(owned(id), null);
    }

    /**
     * Replaces name and webhook URL. Saving a webhook URL (even the same one) re-enables a disabled
     * endpoint and clears its failure streak: this is the way back after a 410 or an auto-disable.
     */
    @PUT
    @Path("/{id}")
    @Transactional
    public SubscriberView update(@PathParam("id") UUID id,
                                 @Valid @NotNull(message = "a JSON body is required") SubscriberRequest body) {
        Subscriber s = owned(id, LockModeType.PESSIMISTIC_WRITE);
        s.name = body.name().trim();
        s.webhookUrl = checkedUrl(body.webhookUrl());
        s.webhookEnabled = s.webhookUrl != null;
        s.webhookDisabledReason = null;
        s.webhookDisabledAt = null;
        s.webhookFailingSince = null;
        s.updatedAt = Instant.now();
        return SubscriberView.of(s, null);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public Response delete(@PathParam("id") UUID id) {
        owned(id).delete();
        return Response.noContent().build();
    }

    /**
     * New signing secret, shown once. The previous one keeps signing (both signatures are sent) for
     * nanopulse.alerts.webhook.secret-rotation-overlap, so receivers can switch without losing events.
     */
    @POST
    @Path("/{id}/rotate-secret")
    @Transactional
    public SubscriberView rotateSecret(@PathParam("id") UUID id) {
        Subscriber s = owned(id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        s.previousSecret = s.secret;
        s.previousSecretExpiresAt = now.plus(config.webhook().secretRotationOverlap());
        s.secret = WebhookSigner.newSecret();
        s.updatedAt = now;
        return SubscriberView.of(s, s.secret);
    }

    /** Server-Sent Events: each notification of this subscriber as a CloudEvent, live. */
    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<AlertNotification> stream(@PathParam("id") UUID id) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> owned(id));
        return hub.stream(id);
    }

    private Subscriber owned(UUID id) {
        Subscriber s = Subscriber.findOwned(id, caller.owner());
        if (s == null) {
            throw ProblemException.notFound("subscriber " + id);
        }
        return s;
    }

    private Subscriber owned(UUID id, LockModeType lock) {
        Subscriber s = Subscriber.findById(id, lock);
        if (s == null || !s.owner.equals(caller.owner())) {
            throw ProblemException.notFound("subscriber " + id);
        }
        return s;
    }

    private String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.trim();
        sender.policy().refusal(u).ifPresent(reason -> {
            throw ProblemException.invalid("webhookUrl", reason);
        });
        return u;
    }
}
