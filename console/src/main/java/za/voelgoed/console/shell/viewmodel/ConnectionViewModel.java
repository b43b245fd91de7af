package za.voelgoed.console.shell.viewmodel;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import za.voelgoed.console.api.BackendClient;
import za.voelgoed.console.api.OrgApi;
import za.voelgoed.console.api.Session;
import za.voelgoed.console.viewmodel.Command;
import za.voelgoed.console.viewmodel.Problems;
import za.voelgoed.console.viewmodel.Tasks;

/**
 * The connection screen: a backend address and a token, checked against the backend
 * ({@code GET /api/session}, then the organisation) before anything is kept. What went wrong is said as a
 * sentence: the address does not answer, the token is refused, the backend speaks another version, the
 * organisation is unknown. On success the address (and the token, if the user allows) is remembered.
 */
public final class ConnectionViewModel {

    /** A checked connection: the organisation's API, who the token is, and the organisation's name. */
    public record Connected(OrgApi api, Session session, String orgName) {
    }

    private final Tasks tasks;
    private final SavedConnection saved;
    private final BiFunction<URI, String, BackendClient> clients;
    private final StringProperty url = new SimpleStringProperty("http://localhost:8080");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty org = new SimpleStringProperty("");
    private final BooleanProperty rememberToken = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final Command connect;
    private Consumer<Connected> onConnected = c -> { };
    private EarlyCheck early;

    public ConnectionViewModel(Tasks tasks, SavedConnection saved, BiFunction<URI, String, BackendClient> clients) {
        this.tasks = tasks;
        this.saved = saved;
        this.clients = clients;
        this.connect = new Command(this::check);
        saved.load().ifPresent(s -> {
            url.set(s.url());
            if (s.token() != null) {
                token.set(s.token());
            }
            if (s.org() != null) {
                org.set(s.org());
            }
        });
        connect.executable().bind(url.isNotEmpty().and(token.isNotEmpty()));
    }

    public void onConnected(Consumer<Connected> listener) {
        this.onConnected = listener;
    }

    /**
     * A check of a connection started before the window exists: the launcher starts it while JavaFX comes up,
     * so the token is checked (and the organisation's name read) beside the toolkit's start-up instead of
     * after it. {@link #adopt} hands it to the screen, whose {@link #connect()} then waits for it instead of
     * asking the backend again, as long as it asks for the same address, token and organisation.
     */
    public record EarlyCheck(URI base, String token, String org, boolean keepToken,
                             CompletableFuture<Connected> result) {
    }

    /**
     * Starts checking {@code url}, {@code token} and {@code org} on a thread of its own, saving the connection
     * as {@link #connect()} does when it succeeds; null when the address is not one (the screen then says so).
     */
    public static EarlyCheck checkEarly(Supplier<SavedConnection> saved, BiFunction<URI, String, BackendClient> clients,
                                        String url, String token, String org, boolean keepToken) {
        URI base = address(url);
        if (base == null || token == null || token.isBlank()) {
            return null;
        }
        EarlyCheck early = new EarlyCheck(base, token.strip(), org == null ? "" : org.strip(), keepToken,
                new CompletableFuture<>());
        Thread.ofVirtual().name("console-early-check").start(() -> {
            try {
                early.result().complete(verifyAndSave(saved.get(), clients, early.base(), early.token(), early.org(),
                        keepToken));
            } catch (RuntimeException e) {
                early.result().completeExceptionally(e);
            }
        });
        return early;
    }

    /** The next {@link #connect()} uses this check's answer when it asks for the same things. */
    public void adopt(EarlyCheck check) {
        this.early = check;
    }

    private void check() {
        problem.set(null);
        URI base = address(url.get());
        if (base == null) {
            problem.set("The address must look like http://host:8080.");
            connect.finished();
            return;
        }
        String theToken = token.get().strip();
        String orgText = org.get() == null ? "" : org.get().strip();
        boolean keepToken = rememberToken.get();
        EarlyCheck started = early;
        early = null;
        Callable<Connected> work = started != null && started.base().equals(base)
                && started.token().equals(theToken) && started.org().equals(orgText)
                && started.keepToken() == keepToken
                ? () -> answer(started.result())
                : () -> verifyAndSave(saved, clients, base, theToken, orgText, keepToken);
        tasks.run(work, connected -> {
            connect.finished();
            onConnected.accept(connected);
        }, e -> {
            connect.finished();
            problem.set(e instanceof IllegalArgumentException ? e.getMessage() : Problems.sentence(e));
        });
    }

    private static URI address(String text) {
        try {
            URI base = URI.create(text == null ? "" : text.strip());
            if (base.getScheme() == null || !base.getScheme().matches("https?") || base.getHost() == null) {
                return null;
            }
            return base;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The early check's outcome, its failure rethrown as it was thrown (so it reads as the same sentence). */
    private static Connected answer(CompletableFuture<Connected> result) throws Exception {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Connected verifyAndSave(SavedConnection saved, BiFunction<URI, String, BackendClient> clients,
                                           URI base, String theToken, String orgText, boolean keepToken) {
        Connected checked = verify(clients, base, theToken, orgText);
        // files and preferences are written here, off the UI thread
        saved.save(base.toString(), keepToken ? theToken : null, checked.api().org().toString());
        return checked;
    }

    private static Connected verify(BiFunction<URI, String, BackendClient> clients, URI base, String theToken,
                                    String orgText) {
        BackendClient client = clients.apply(base, theToken);
        Session session = client.session();
        UUID orgId;
        if (session.organizationId() != null) {
            orgId = session.organizationId();
            if (!orgText.isEmpty() && !orgText.equalsIgnoreCase(orgId.toString())) {
                throw new IllegalArgumentException("This token belongs to another organisation than " + orgText + ".");
            }
        } else if (orgText.isEmpty()) {
            throw new IllegalArgumentException("This is the system admin's token: say which organisation to show.");
        } else {
            try {
                orgId = UUID.fromString(orgText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The organisation is an id like 3f0c…-…; " + "this is not one.");
            }
        }
        OrgApi api = new OrgApi(client, orgId);
        return new Connected(api, session, api.name());
    }

    public StringProperty url() {
        return url;
    }

    public StringProperty token() {
        return token;
    }

    public StringProperty org() {
        return org;
    }

    public BooleanProperty rememberToken() {
        return rememberToken;
    }

    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    public Command connect() {
        return connect;
    }
}
