package io.nanopulse.gateway.api;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The gateway's pages. None holds data or a key: each page's script asks once for an API key, keeps it in the
 * tab's sessionStorage (gone when the tab closes, never in a cookie, so no CSRF) and calls the ordinary /api/v1
 * endpoints with it. The pages themselves are public; everything they show is behind the key.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PagesResource {
    private final Template dashboard;
    private final Template explorer;
    private final Template rules;
    private final Template confirmEmail;

    public PagesResource(Template dashboard, Template explorer, Template rules,
                         @Location("confirm-email.html") Template confirmEmail) {
        this.dashboard = dashboard;
        this.explorer = explorer;
        this.rules = rules;
        this.confirmEmail = confirmEmail;
    }

    /** The operator dashboard: health, lag, throughput, top countries (a read key). */
    @GET
    @Operation(hidden = true)
    public TemplateInstance dashboard() {
        return dashboard.data("title", "Nanopulse operations");
    }

    /** A subject's figure with its exact numerator and denominator, its series and its ranking (a read key). */
    @GET
    @Path("explorer")
    @Operation(hidden = true)
    public TemplateInstance explorer() {
        return explorer.data("title", "Nanopulse explorer");
    }

    /** One's subscribers, rules, silences and deliveries, and the rule editor with its backtest preview (an alerts key). */
    @GET
    @Path("rules")
    @Operation(hidden = true)
    public TemplateInstance rules() {
        return rules.data("title", "Nanopulse rules");
    }

    /**
     * What an e-mail confirmation link opens ({@code /confirm-email#token=...}). The token travels in the URL
     * fragment, which browsers never send, so it reaches no server log; the script posts it to
     * {@code POST /api/v1/email-confirmations} only when the reader presses the button (a mail scanner that
     * fetches the link confirms nothing).
     */
    @GET
    @Path("confirm-email")
    @Operation(hidden = true)
    public TemplateInstance confirmEmail() {
        return confirmEmail.data("title", "Confirm your e-mail address");
    }
}
