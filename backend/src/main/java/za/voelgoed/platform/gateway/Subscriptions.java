package za.voelgoed.platform.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import za.voelgoed.platform.auth.Principal;
import za.voelgoed.platform.pubsub.Subscription;
import za.voelgoed.platform.outbox.Dispatched;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.realtime.ClientFrame;
import za.voelgoed.shared.realtime.FrameException;
import za.voelgoed.shared.realtime.Resume;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.shared.topic.InvalidTopicException;
import za.voelgoed.shared.topic.Topic;

/**
 * The topics of one connection. A subscription with {@code resume} first joins PubSub (live events are
 * buffered), then replays the outbox after the client's offset, then flushes the buffer and goes live:
 * an event committed at any moment is either replayed, or buffered, or both — never neither. A subscribe
 * that fails at any step leaves nothing behind: no topic, no PubSub interest, no buffer.
 */
final class Subscriptions {

    private static final int MAX_BUFFERED = 20_000;

    private final Gateway gateway;
    private final Principal principal;
    private final Subscription pubsub;
    private final Outbound out;
    private final Map<Topic, TopicState> topics = new ConcurrentHashMap<>();

    /** Live when {@code buffer} is null; replaying (collecting live events) otherwise. */
    private static final class TopicState {
        List<EventMessage> buffer;
    }

    Subscriptions(Gateway gateway, Principal principal, Subscription pubsub, Outbound out) {
        this.gateway = gateway;
        this.principal = principal;
        this.pubsub = pubsub;
        this.out = out;
    }

    void subscribe(ClientFrame.Subscribe frame) {
        Topic topic = parse(frame.topic(), frame.ref());
        if (topics.containsKey(topic)) {
            throw new FrameException("already_subscribed", "already subscribed to " + topic, frame.ref());
        }
        if (topics.size() >= gateway.settings.maxSubscriptions()) {
            throw new FrameException("too_many_subscriptions", "at most " + gateway.settings.maxSubscriptions()
                    + " subscriptions per connection", frame.ref());
        }
        if (!gateway.access.allowed(principal, topic)) {
            gateway.telemetry.subscriptionDenied(principal.organizationId());
            throw new FrameException("forbidden", "this token may not subscribe to " + topic, frame.ref());
        }
        TopicState state = new TopicState();
        if (frame.resume() != null) {
            state.buffer = new ArrayList<>();
        }
        topics.put(topic, state);
        pubsub.add(topic);
        gateway.telemetry.subscribed(principal.organizationId(), 1);
        try {
            if (frame.resume() == null) {
                out.send(principal.organizationId(), new ServerFrame.Subscribed(topic.toString(), frame.ref(), null, 0));
            } else {
                resume(topic, state, frame);
            }
        } catch (RuntimeException failed) {
            forget(topic);
            throw new FrameException("subscribe_failed", "the subscription could not be set up; nothing was"
                    + " subscribed, try again", frame.ref());
        }
    }

    private void forget(Topic topic) {
        if (topics.remove(topic) != null) {
            pubsub.remove(topic);
            gateway.telemetry.subscribed(principal.organizationId(), -1);
        }
    }

    /**
     * Replays what the topic carried after the client's offset, exactly; a point without an offset (the
     * earlier protocol), of another epoch, or too far back is answered {@code recovered: false}.
     */
    private void resume(Topic topic, TopicState state, ClientFrame.Subscribe frame) {
        Resume resume = frame.resume();
        Optional<List<Dispatched>> missed = resume.exact() && resume.epoch().equals(gateway.replay.epoch())
                ? gateway.ownership.orgOf(topic).flatMap(org ->
                        gateway.replay.after(topic, org, resume.offset(), gateway.settings.replayLimit()))
                : Optional.empty();
        out.exclusively(() -> {
            out.clientHas(resume.resources());
            int replayed = 0;
            for (Dispatched event : missed.orElse(List.of())) {
                if (out.sendReplayed(topic, gateway.messageOf.apply(event))) {
                    replayed++;
                }
            }
            state.buffer.forEach(m -> out.sendReplayed(topic, m));
            state.buffer = null;
            out.send(principal.organizationId(),
                    new ServerFrame.Subscribed(topic.toString(), frame.ref(), missed.isPresent(), replayed));
        });
    }

    /** Called while the outbound is held: keeps a live event back while its topic is replaying. */
    boolean bufferIfReplaying(Topic topic, EventMessage message) {
        TopicState state = topics.get(topic);
        if (state == null || state.buffer == null) {
            return false;
        }
        if (state.buffer.size() < MAX_BUFFERED) {
            state.buffer.add(message);
        }
        return true;
    }

    void unsubscribe(ClientFrame.Unsubscribe frame) {
        Topic topic = parse(frame.topic(), frame.ref());
        if (topics.remove(topic) == null) {
            throw new FrameException("not_subscribed", "not subscribed to " + topic, frame.ref());
        }
        pubsub.remove(topic);
        gateway.telemetry.subscribed(principal.organizationId(), -1);
        out.send(principal.organizationId(), new ServerFrame.Unsubscribed(topic.toString(), frame.ref()));
    }

    void closeAll() {
        pubsub.close();
        gateway.telemetry.subscribed(principal.organizationId(), -topics.size());
        topics.clear();
    }

    private static Topic parse(String text, String ref) {
        try {
            return Topic.parse(text);
        } catch (InvalidTopicException e) {
            throw new FrameException("invalid_topic", e.getMessage(), ref);
        }
    }

}
