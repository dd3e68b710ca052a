package io.nanopulse.gateway.api;

import io.nanopulse.contracts.api.QueryString;
import io.nanopulse.contracts.problem.Problem;
import io.nanopulse.contracts.problem.ProblemResponses;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses (400, naming the parameter) a query the operation should not act on: a parameter name or value that is
 * not percent-encoded UTF-8 or holds control characters ({@link QueryString}), declared or not, and a parameter
 * the operation declares given more than once (every declared parameter is single-valued).
 */
public class QueryParametersFilter {

    @ServerRequestFilter(priority = Priorities.USER + 50)
    public Optional<Response> check(HttpServerRequest request, ResourceInfo resource) {
        QueryString.Result query = QueryString.decode(request.query());
        return query.refusal().or(() -> repeated(query.values(), resource.getResourceMethod()))
                .map(ProblemResponses::of);
    }

    private static Optional<Problem> repeated(Map<String, List<String>> values, Method method) {
        if (method == null) {
            return Optional.empty();
        }
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null && values.getOrDefault(q.value(), List.of()).size() > 1) {
                return Optional.of(Problem.invalid(q.value(), "must be given once, was given more than once"));
            }
        }
        return Optional.empty();
    }
}
