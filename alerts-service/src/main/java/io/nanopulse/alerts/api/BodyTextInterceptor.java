package io.nanopulse.alerts.api;

import io.nanopulse.contracts.api.Text;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;

/** Refuses (400, naming each field) a request body whose text holds control characters, once it is read. */
@Provider
public class BodyTextInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        Object body = context.proceed();
        Text.requireClean(body);
        return body;
    }
}
