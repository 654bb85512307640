package charon.ai;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import charon.chat.CharonChannels;
import charon.ai.AnswerReplies.Approved;
import charon.ai.AnswerReplies.AutoAnswerSet;
import charon.ai.AnswerReplies.Drafted;
import charon.ai.AnswerReplies.Pending;
import charon.ai.AnswerReplies.Rejected;
import charon.ai.AnswerReplies.SentText;
import charon.ai.AnswerRequests.Approve;
import charon.ai.AnswerRequests.AutoAnswer;
import charon.ai.AnswerRequests.Generate;
import charon.ai.AnswerRequests.PendingRef;


/**
 * The LLM endpoints of api-contract §9.3 under {@code /api/gm/charon/} (GM only, like every {@code /api/gm/} path):
 * pending, generate, approve, reject, per channel and un-channelled ({@code default}); plus regenerate, the
 * per-channel auto-answer switch and the exact text a draft sent. None waits for the model.
 */
@RequestScoped
@Path("gm/charon/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
public class GmAnswersResource {

    static final String LEGACY = "default";

    @Inject
    CharonAnswers answers;

    @GET
    @Path("pending/")
    public Pending legacyPending() {
        return pending(LEGACY);
    }

    @POST
    @Path("generate/")
    public Drafted legacyGenerate(Generate body) {
        return generate(LEGACY, body);
    }

    @POST
    @Path("approve/")
    public Approved legacyApprove(Approve body) {
        return approve(LEGACY, body);
    }

    @POST
    @Path("reject/")
    public Rejected legacyReject(PendingRef body) {
        return reject(LEGACY, body);
    }

    @GET
    @Path("{channel}/pending/")
    public Pending pending(@PathParam("channel") String channel) {
        List<Draft> pending = answers.pending(channel);
        return new Pending(channel, pending, pending.size(), answers.autoAnswerChannels().contains(channel));
    }

    @POST
    @Path("{channel}/generate/")
    public Drafted generate(@PathParam("channel") String channel, Generate body) {
        Draft draft = answers.generate(CharonChannels.requireChannel(channel), body.prompt(), body.contextGiven());
        return new Drafted(draft.pendingId(), channel);
    }

    @POST
    @Path("{channel}/approve/")
    public Approved approve(@PathParam("channel") String channel, Approve body) {
        String messageId = answers.approve(CharonChannels.requireChannel(channel), body.pendingId(), body.modifiedContent()).messageId();
        return new Approved(messageId, channel);
    }

    @POST
    @Path("{channel}/reject/")
    public Rejected reject(@PathParam("channel") String channel, PendingRef body) {
        answers.reject(CharonChannels.requireChannel(channel), body.pendingId());
        return new Rejected(channel);
    }

    @POST
    @Path("{channel}/regenerate/")
    public Drafted regenerate(@PathParam("channel") String channel, PendingRef body) {
        Draft draft = answers.regenerate(CharonChannels.requireChannel(channel), body.pendingId());
        return new Drafted(draft.pendingId(), channel);
    }

    @POST
    @Path("{channel}/auto-answer/")
    public AutoAnswerSet autoAnswer(@PathParam("channel") String channel, AutoAnswer body) {
        boolean on = body.on();
        return new AutoAnswerSet(channel, answers.autoAnswer(CharonChannels.requireChannel(channel), on));
    }

    /** The exact text the draft sent to the model (privacy and cost in view; the GM's eyes only). */
    @GET
    @Path("{channel}/pending/{pendingId}/sent/")
    public SentText sent(@PathParam("channel") String channel, @PathParam("pendingId") String pendingId) {
        Draft draft = answers.sent(CharonChannels.requireChannel(channel), pendingId);
        return new SentText(draft.pendingId(), draft.provider(), draft.sentText(), draft.tokensIn(), draft.tokensOut());
    }
}
