package charon.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import charon.chat.ConversationChanged;
import charon.messages.MessageDeleted;
import charon.messages.MessagePosted;
import charon.security.CredentialsChanged;
import charon.view.PayloadPublished;

/**
 * What the push layer hears of the application (CDI events) and what each means for the open streams. The domain
 * fires its events and never sees a stream.
 */
@ApplicationScoped
public class PushObservers {

    @Inject
    DisplayStreams streams;

    /** A new state version's payloads are ready: every stream gets the change, in its own feed. */
    void onPayload(@Observes PayloadPublished published) {
        streams.publishChange(published.payloads());
    }

    /** A CHARON conversation changed: every display gets it (what CHARON says is public at the table). */
    void onConversation(@Observes ConversationChanged changed) {
        streams.sendToAll(events -> events.conversation(changed));
    }

    /** A message was committed: only the streams of its recipients (or everyone, for a broadcast) and the GM get it. */
    void onMessage(@Observes MessagePosted posted) {
        streams.sendTo(viewer -> ViewerFilter.receives(viewer, posted), events -> events.message(posted));
    }

    /** A message was deleted: the streams that got it (and only those) are told to drop it. */
    void onMessageDeleted(@Observes MessageDeleted deleted) {
        streams.sendTo(viewer -> ViewerFilter.receives(viewer, deleted), events -> events.messageDeleted(deleted));
    }

    /**
     * An account's password was reset: its open streams end now (the messages meant for it must stop), and the
     * displays reconnect as whoever their session is from then on, usually nobody.
     */
    void onCredentialsChanged(@Observes CredentialsChanged changed) {
        streams.endStreamsOf(viewer -> ViewerFilter.signedInAs(viewer, changed));
    }
}
