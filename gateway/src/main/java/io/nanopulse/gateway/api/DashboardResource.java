package io.nanopulse.gateway.api;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operator dashboard page. It holds no data and no key: the page's script asks for a read key once,
 * keeps it in sessionStorage (gone when the tab closes, never in a cookie, so no CSRF), and polls the
 * ordinary /api/v1 endpoints with it. The page itself is public; everything it shows is behind the key.
 */
@Path("/")
@PermitAll
public class DashboardResource {
    private final Template dashboard;

    public DashboardResource(Template dashboard) {
        this.dashboard = dashboard;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance page() {
        return dashboard.data("title", "Nanopulse operations");
    }
}
