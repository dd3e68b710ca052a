package io.nanopulse.alerts.api;

import io.nanopulse.alerts.application.ManageEmail;
import io.nanopulse.alerts.application.ManageSubscribers;
import io.nanopulse.alerts.config.AlertsConfig;
import io.nanopulse.alerts.domain.PublicLinks;
import io.nanopulse.contracts.api.PageRequest;
import io.nanopulse.contracts.api.alerts.Subscriber;
import io.nanopulse.contracts.api.alerts.SubscriberPage;
import io.nanopulse.contracts.api.alerts.SubscriberRequest;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;

/** Subscribers of the calling owner: CRUD, secret rotation and the live SSE stream. */
@Path("/subscribers")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriberResource {

    @Inject
    Caller caller;

    @Inject
    ManageSubscribers subscribers;

    @Inject
    AlertsConfig config;

    @Inject
    ManageEmail emails;

    private PublicLinks links() {
        return new PublicLinks(config.publicBaseUrl());
    }

    /** The answer carries the new secret, the only time it is shown. */
    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") SubscriberRequest body) {
        Subscriber created = view(subscribers.create(caller.owner(), body.name(), body.webhookUrl(), body.email(),
                body.emailDigest()), true);
        return Response.created(URI.create("/subscribers/" + created.id())).entity(created).build();
    }

    @GET
    public SubscriberPage list(@QueryParam("page") String page,
                               @QueryParam("size") String size) {
        PageRequest p = Paging.of(page, size);
        var found = subscribers.list(caller.owner(), p.page(), p.size());
        return ApiMapper.subscribers(found, links(),
                emails.of(found.items().stream().map(io.nanopulse.alerts.domain.Subscriber::id).toList()));
    }

    @GET
    @Path("/{id}")
    public Subscriber get(@PathParam("id") UUID id) {
        return view(subscribers.get(caller.owner(), id), false);
    }

    /**
     * Replaces name, webhook URL and e-mail settings; saving a webhook URL re-enables a disabled endpoint, a changed
     * address must be confirmed again.
     */
    @PUT
    @Path("/{id}")
    public Subscriber update(@PathParam("id") UUID id,
                             @Valid @NotNull(message = "a JSON body is required") SubscriberRequest body) {
        return view(subscribers.update(caller.owner(), id, body.name(), body.webhookUrl(), body.email(),
                body.emailDigest()), false);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        subscribers.delete(caller.owner(), id);
        return Response.noContent().build();
    }

    /** A new signing secret, shown once; the previous one keeps signing for the rotation overlap. */
    @POST
    @Path("/{id}/rotate-secret")
    public Subscriber rotateSecret(@PathParam("id") UUID id) {
        return view(subscribers.rotateSecret(caller.owner(), id), true);
    }

    private Subscriber view(io.nanopulse.alerts.domain.Subscriber s, boolean showSecret) {
        return ApiMapper.subscriber(s, showSecret, links(), emails.of(s.id()).orElse(null));
    }

    /** Server-Sent Events: each notification of this subscriber, the CloudEvent JSON its webhook gets, live. */
    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Blocking
    public Multi<String> stream(@PathParam("id") UUID id) {
        return subscribers.stream(caller.owner(), id);
    }
}
