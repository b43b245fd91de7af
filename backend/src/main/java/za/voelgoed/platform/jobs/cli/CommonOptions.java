package za.voelgoed.platform.jobs.cli;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where the backend is, who is calling, for which organisation, and how to print. The URL and token
 * fall back to the environment here rather than through picocli's default values, so the token
 * never shows up in {@code --help} and tests can hand in their own environment.
 */
final class CommonOptions {

    static final String URL_VARIABLE = "VOELGOED_URL";
    static final String TOKEN_VARIABLE = "VOELGOED_TOKEN";
    static final String LOCAL_URL = "http://127.0.0.1:8080";

    @Option(names = "--url", paramLabel = "<url>",
            description = "Backend base URL. Default: $" + URL_VARIABLE + ", else " + LOCAL_URL)
    String url;

    @Option(names = "--token", paramLabel = "<token>",
            description = "API token (required). Default: $" + TOKEN_VARIABLE
                    + ", which keeps it out of the process list.")
    String token;

    @Option(names = "--org", paramLabel = "<uuid>", required = true, description = "Organisation id.")
    UUID org;

    @Option(names = "--json", description = "Print the backend's JSON answer instead of a table.")
    boolean json;

    DlqApi connect(Map<String, String> environment, CommandLine cmd) {
        String resolvedToken = firstPresent(token, environment.get(TOKEN_VARIABLE));
        if (resolvedToken == null) {
            throw new ParameterException(cmd, "Missing required option: '--token=<token>' (or set "
                    + TOKEN_VARIABLE + ")");
        }
        String resolvedUrl = firstPresent(url, environment.get(URL_VARIABLE));
        return new DlqApi(baseUri(resolvedUrl == null ? LOCAL_URL : resolvedUrl, cmd), resolvedToken, org);
    }

    private static URI baseUri(String url, CommandLine cmd) {
        String trimmed = url.strip().replaceAll("/+$", "");
        try {
            URI uri = URI.create(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below like any other unusable URL
        }
        throw new ParameterException(cmd, "--url must be an http(s) URL such as " + LOCAL_URL + ", was '" + url + "'");
    }

    private static String firstPresent(String given, String fromEnvironment) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
    }
}
