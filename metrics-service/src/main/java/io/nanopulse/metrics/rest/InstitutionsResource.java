package io.nanopulse.metrics.rest;

import io.nanopulse.metrics.service.InstitutionService;
import io.nanopulse.metrics.service.Names;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Canonical institutions and aliases; every change moves the patents to their holders at once. */
@Path("/institutions")
@Produces(MediaType.APPLICATION_JSON)
public class InstitutionsResource {
    public record NewInstitution(String id, String displayName, String country, List<String> aliases) {
    }

    public record NewAlias(String pattern) {
    }

    public record Page(List<InstitutionService.Institution> items, int page, int size, long total) {
    }

    @Inject
    InstitutionService institutions;

    @GET
    public Page list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) throw new IllegalArgumentException("page: must be 0 or more");
        if (size < 1 || size > 500) throw new IllegalArgumentException("size: must be between 1 and 500");
        return new Page(institutions.list(page, size), page, size, institutions.count());
    }

    @GET
    @Path("/{id}")
    public InstitutionService.Institution get(@PathParam("id") String id) {
        return institutions.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewInstitution body) throws SQLException {
        if (body == null) throw new IllegalArgumentException("body: is required");
        var change = institutions.create(body.id(), body.displayName(), body.country(), body.aliases());
        return Response.created(URI.create("/institutions/" + change.institution().id())).entity(change).build();
    }

    @POST
    @Path("/{id}/aliases")
    @Consumes(MediaType.APPLICATION_JSON)
    public InstitutionService.Change addAlias(@PathParam("id") String id, NewAlias body) throws SQLException {
        if (body == null) throw new IllegalArgumentException("pattern: is required");
        return institutions.addAlias(id, body.pattern());
    }

    @DELETE
    @Path("/{id}/aliases/{aliasId}")
    public InstitutionService.Change removeAlias(@PathParam("id") String id, @PathParam("aliasId") long aliasId)
            throws SQLException {
        return institutions.removeAlias(id, aliasId);
    }

    @DELETE
    @Path("/{id}")
    public Map<String, Integer> delete(@PathParam("id") String id) throws SQLException {
        return Map.of("patentsReassigned", institutions.delete(id));
    }

    /** The key form a raw name compares in, for checking an alias before adding it. */
    @GET
    @Path("/normalise")
    public Map<String, String> normalise(@QueryParam("name") String name) {
        if (name == null || name.isBlank() || name.length() > 512) throw new IllegalArgumentException("name: 1 to 512 characters");
        return Map.of("name", name, "key", Names.key(name));
    }
}
