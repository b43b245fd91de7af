package za.voelgoed.console.shell.viewmodel;

import java.net.URI;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
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

    private void check() {
        problem.set(null);
        URI base;
        try {
            base = URI.create(url.get().strip());
            if (base.getScheme() == null || !base.getScheme().matches("https?") || base.getHost() == null) {
                throw new IllegalArgumentException("not http");
            }
        } catch (IllegalArgumentException e) {
            problem.set("The address must look like http://host:8080.");
            connect.finished();
            return;
        }
        String theToken = token.get().strip();
        String orgText = org.get() == null ? "" : org.get().strip();
        boolean keepToken = rememberToken.get();
        tasks.run(() -> {
            Connected checked = verify(base, theToken, orgText);
            // files and preferences are written here, off the UI thread
            saved.save(base.toString(), keepToken ? theToken : null, checked.api().org().toString());
            return checked;
        }, connected -> {
            connect.finished();
            onConnected.accept(connected);
        }, e -> {
            connect.finished();
            problem.set(e instanceof IllegalArgumentException ? e.getMessage() : Problems.sentence(e));
        });
    }

    private Connected verify(URI base, String theToken, String orgText) {
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
