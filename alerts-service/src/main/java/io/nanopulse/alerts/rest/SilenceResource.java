package io.nanopulse.alerts.rest;

import io.nanopulse.alerts.persistence.AlertRule;
import io.nanopulse.alerts.persistence.Silence;
import io.nanopulse.alerts.persistence.Subscriber;
import io.nanopulse.contracts.FieldError;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Silences: transitions they cover are recorded (with the silence id) but neither sent nor streamed. */
@Path("/silences")
@Produces(MediaType.APPLICATION_JSON)
public class SilenceResource {
    static final Duration MAX_LENGTH = Duration.ofDays(366);

    @Inject
    Caller caller;

    @POST
    @Transactional
    public Response create(@NotNull(message = "a JSON body is required") SilenceRequest body) {
        List<FieldError> errors = new ArrayList<>();
        String owner = caller.owner();
        if (body.ruleId() != null && AlertRule.findOwned(body.ruleId(), owner) == null) {
            errors.add(new FieldError("ruleId", "no such rule"));
        }
        if (body.subscriberId() != null && Subscriber.findOwned(body.subscriberId(), owner) == null) {
            errors.add(new FieldError("subscriberId", "no such subscriber"));
        }
        Map<String, String> matchers = body.matchers() == null ? Map.of() : new LinkedHashMap<>(body.matchers());
        if (matchers.size() > 20 || matchers.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getKey().isBlank()
                || e.getKey().length() > 63 || e.getValue() == null || e.getValue().length() > 200)) {
            errors.add(new FieldError("matchers", "at most 20 label=value pairs, names 1..63 and values 0..200 characters"));
        }
        if (body.ruleId() == null && body.subscriberId() == null && matchers.isEmpty()) {
            errors.add(new FieldError("ruleId", "give a ruleId, a subscriberId or matchers: a silence must mute something"));
        }
        Instant now = Instant.now();
        Instant starts = body.startsAt() == null ? now : body.startsAt();
        if (body.endsAt() == null) {
            errors.add(new FieldError("endsAt", "is required"));
        } else if (!body.endsAt().isAfter(starts) || !body.endsAt().isAfter(now)) {
            errors.add(new FieldError("endsAt", "must be in the future and after startsAt"));
        } else if (Duration.between(starts, body.endsAt()).compareTo(MAX_LENGTH) > 0) {
            errors.add(new FieldError("endsAt", "a silence lasts at most 366 days"));
        }
        if (body.comment() != null && body.comment().length() > 500) {
            errors.add(new FieldError("comment", "must be at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Silence s = new Silence();
        s.id = UUID.randomUUID();
        s.owner = owner;
        s.ruleId = body.ruleId();
        s.subscriberId = body.subscriberId();
        s.matchers = matchers;
        s.startsAt = starts;
        s.endsAt = body.endsAt();
        s.comment = body.comment();
        s.createdAt = now;
        s.persist();
        return Response.created(URI.create("/silences/" + s.id)).entity(SilenceView.of(s)).build();
    }

    /** Silences of the caller; {@code active=true} keeps those in force now. */
    @GET
    @Transactional
    public Page<SilenceView> list(@QueryParam("active") @DefaultValue("false") boolean active,
                                  @QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        Instant now = Instant.now();
        var q = active
                ? Silence.<Silence>find("owner = ?1 and startsAt <= ?2 and endsAt > ?2 order by createdAt, id", caller.owner(), now)
                : Silence.<Silence>find("owner = ?1 order by createdAt, id", caller.owner());
        q.page(page, size);
        return new Page<>(q.list().stream().map(SilenceView::of).toList(), page, size, q.count());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public SilenceView get(@PathParam("id") UUID id) {
        return SilenceView.of(owned(id));
    }

    /** Ends (deletes) a silence; transitions it muted stay recorded. */
    @DELETE
    @Path("/{id}")
    @Transactional
    public Response delete(@PathParam("id") UUID id) {
        owned(id).delete();
        return Response.noContent().build();
    }

    private Silence owned(UUID id) {
        Silence s = Silence.findOwned(id, caller.owner());
        if (s == null) {
            throw ProblemException.notFound("silence " + id);
        }
        return s;
    }
}
