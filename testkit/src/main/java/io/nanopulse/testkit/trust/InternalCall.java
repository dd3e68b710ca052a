package io.nanopulse.testkit.trust;

import io.nanopulse.contracts.trust.ForwardedIdentity;
import io.nanopulse.contracts.trust.IdentityProof;
import io.nanopulse.contracts.trust.SigningKeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An operator's call straight to a service (e.g. pausing one metrics-service instance), proven like the
 * gateway's with the key file named by NANOPULSE_INTERNAL_SIGNING_KEY_FILE (default: the local run's
 * {@code .run/internal-signing-keys}). The key never appears on a command line.
 * <pre>
 *   InternalCall [--principal operator] [--roles admin] METHOD URL [JSON-BODY]
 * </pre>
 * Prints the status line and the body; exits 0 on a 2xx answer.
 */
public final class InternalCall {
    private InternalCall() {
    }

    public static void main(String[] args) throws Exception {
        String principal = "operator";
        String roles = "admin";
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--principal" -> principal = args[++i];
                case "--roles" -> roles = args[++i];
                default -> rest.add(args[i]);
            }
        }
        if (rest.size() < 2 || rest.size() > 3) {
            System.err.println("usage: InternalCall [--principal P] [--roles r1,r2] METHOD URL [JSON-BODY]");
            System.exit(2);
        }
        String method = rest.get(0).toUpperCase(java.util.Locale.ROOT);
        URI uri = URI.create(rest.get(1));
        String file = System.getenv().getOrDefault("NANOPULSE_INTERNAL_SIGNING_KEY_FILE",
                Path.of(System.getenv().getOrDefault("NANOPULSE_DATA_DIR", ".run"), "internal-signing-keys").toString());
        IdentityProof proof = new IdentityProof(SigningKeys.read(Path.of(file)));
        ForwardedIdentity identity = new ForwardedIdentity(principal, roles.isEmpty() ? List.of() : List.of(roles.split(",")));
        String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                .method(method, rest.size() == 3 ? HttpRequest.BodyPublishers.ofString(rest.get(2)) : HttpRequest.BodyPublishers.noBody());
        if (rest.size() == 3) {
            request.header("Content-Type", "application/json");
        }
        proof.sign(identity, method, target).forEach(request::header);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        System.out.println(response.statusCode());
        System.out.println(response.body());
        System.exit(response.statusCode() / 100 == 2 ? 0 : 1);
    }
}
