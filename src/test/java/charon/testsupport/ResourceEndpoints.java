package charon.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every GET endpoint of the deployed application, read from Jersey's resource model through
 * {@code GET /api/test-control/endpoints} (see {@link TestControlResource#endpoints}): a new endpoint is in this list
 * as soon as it is deployed, so a crawler built on it cannot miss one.
 */
public final class ResourceEndpoints {

    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::[^}]*)?}");

    /** One GET method: its path under /api/ (with {@code {param}}s), its query parameters, whether it streams SSE. */
    public record Endpoint(String template, List<String> pathParams, List<String> queryParams, boolean stream,
                           String method) {
    }

    private ResourceEndpoints() {
    }

    public static List<Endpoint> of(URI api) throws IOException, InterruptedException {
        HttpResponse<String> response = Http.get(api.resolve("test-control/endpoints"));
        if (response.statusCode() != 200) {
            throw new AssertionError("resource model: " + response.statusCode() + " " + response.body());
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            List<String> pathParams = new ArrayList<>();
            Matcher m = TEMPLATE_PARAM.matcher(f[0]);
            while (m.find()) {
                pathParams.add(m.group(1));
            }
            List<String> query = f[1].isEmpty() ? List.of() : Arrays.asList(f[1].split(","));
            endpoints.add(new Endpoint(f[0], pathParams, query, f[2].equals("stream"), f[3]));
        }
        return endpoints;
    }

    /**
     * The request paths (relative to /api/) of one endpoint with every combination of the given values for its
     * path parameters, each without and with every value for each query parameter.
     */
    public static List<String> expand(Endpoint endpoint, List<String> values) {
        List<String> paths = List.of(endpoint.template());
        for (int i = 0; i < endpoint.pathParams().size(); i++) {
            List<String> next = new ArrayList<>();
            for (String path : paths) {
                for (String value : values) {
                    next.add(TEMPLATE_PARAM.matcher(path).replaceFirst(Matcher.quoteReplacement(encode(value))));
                }
            }
            paths = next;
        }
        List<String> out = new ArrayList<>(paths);
        for (String query : endpoint.queryParams()) {
            for (String path : paths) {
                for (String value : values) {
                    out.add(path + "?" + query + "=" + encode(value));
                }
            }
        }
        return List.copyOf(new TreeSet<>(out));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
