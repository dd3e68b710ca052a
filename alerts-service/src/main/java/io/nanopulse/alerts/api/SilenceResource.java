package io.nanopulse.alerts.api;

import io.nanopulse.alerts.application.ManageSilences;
import io.nanopulse.contracts.api.PageRequest;
import io.nanopulse.contracts.api.QueryParams;
import io.nanopulse.contracts.api.alerts.Silence;
import io.nanopulse.contracts.api.alerts.SilencePage;
import io.nanopulse.contracts.api.alerts.SilenceRequest;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/** Silences: transitions they cover are recorded (with the silence id) but neither sent nor streamed. */
@Path("/silences")
@Produces(MediaType.APPLICATION_JSON)
public class SilenceResource {

    @Inject
    Caller caller;

    @Inject
    ManageSilences silences;

    @POST
    public Response create(@NotNull(message = "a JSON body is required") SilenceRequest body) {
        Silence created = ApiMapper.silence(silences.create(caller.owner(), ApiMapper.draft(body)));
        return Response.created(URI.create("/silences/" + created.id())).entity(created).build();
    }

    /** Silences of the caller; {@code active=true} keeps those in force now. */
    @GET
    public SilencePage list(@QueryParam("active") String active,
                            @QueryParam("page") String page,
                            @QueryParam("size") String size) {
        PageRequest p = Paging.of(page, size);
        return ApiMapper.silences(silences.list(caller.owner(), QueryParams.bool("active", active, false), p.page(),
                p.size()));
    }

    @GET
    @Path("/{id}")
    public Silence get(@PathParam("id") UUID id) {
        return ApiMapper.silence(silences.get(caller.owner(), id));
    }

    /** Ends (deletes) a silence; transitions it muted stay recorded. */
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        silences.delete(caller.owner(), id);
        return Response.noContent().build();
    }
}
