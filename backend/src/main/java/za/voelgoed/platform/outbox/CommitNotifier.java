package za.voelgoed.platform.outbox;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Tells dispatchers that events were committed: this node's at once (in memory), every other node's
 * through one {@code NOTIFY domain_events} sent outside the writers' transactions and coalesced — however
 * many commits happen while a NOTIFY is being sent, one more follows. Writers never wait for it, and
 * PostgreSQL's notification lock is taken by this one sender instead of by every committing transaction.
 */
public final class CommitNotifier implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CommitNotifier.class.getName());

    private final DataSource dataSource;
    private final Runnable localWake;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Semaphore signal = new Semaphore(0);
    private final Thread sender;
    private volatile boolean running = true;

    private final String nodeId;

    /** {@code nodeId} goes out as the payload, so this node's own listener can ignore it. */
    public CommitNotifier(DataSource dataSource, Runnable localWake, String nodeId) {
        this.dataSource = dataSource;
        this.nodeId = nodeId;
        this.localWake = localWake;
        this.sender = Thread.ofVirtual().name("outbox-notify").start(this::sendLoop);
    }

    /** Called after a commit that wrote outbox rows. */
    public void committed() {
        localWake.run();
        if (pending.compareAndSet(false, true)) {
            signal.release();
        }
    }

    private void sendLoop() {
        while (running) {
            try {
                signal.acquire();
                pending.set(false);
                notifyOthers();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void notifyOthers() {
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("select pg_notify('domain_events', ?)")) {
            s.setString(1, nodeId);
            s.execute();
        } catch (SQLException e) {
            // other nodes fall back to their poll interval; this node was woken already
            LOG.log(Level.WARNING, "outbox_notify_failed error=\"" + e.getMessage() + "\"");
        }
    }

    @Override
    public void close() {
        running = false;
        sender.interrupt();
    }
}
