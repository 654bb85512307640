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
import charon.ai.AnswerRequests.Approve;
import charon.ai.AnswerRequests.AutoAnswer;
import charon.ai.AnswerRequests.Generate;
import charon.ai.AnswerRequests.PendingRef;

import static charon.json.Answers.success;

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
    public Map<String, Object> legacyPending() {
        return pending(LEGACY);
    }

    @POST
    @Path("generate/")
    public Map<String, Object> legacyGenerate(Generate body) {
        return generate(LEGACY, body);
    }

    @POST
    @Path("approve/")
    public Map<String, Object> legacyApprove(Approve body) {
        return approve(LEGACY, body);
    }

    @POST
    @Path("reject/")
    public Map<String, Object> legacyReject(PendingRef body) {
        return reject(LEGACY, body);
    }

    @GET
    @Path("{channel}/pending/")
    public Map<String, Object> pending(@PathParam("channel") String channel) {
        List<Draft> pending = answers.pending(channel);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("pending", pending);
        body.put("count", pending.size());
        body.put("auto_answer", answers.autoAnswerChannels().contains(channel));
        return body;
    }

    @POST
    @Path("{channel}/generate/")
    public Map<String, Object> generate(@PathParam("channel") String channel, Generate body) {
        Draft draft = answers.generate(CharonChannels.requireChannel(channel), body.prompt(), body.contextGiven());
        return success("pending_id", draft.pendingId(), "channel", channel);
    }

    @POST
    @Path("{channel}/approve/")
    public Map<String, Object> approve(@PathParam("channel") String channel, Approve body) {
        String messageId = answers.approve(CharonChannels.requireChannel(channel), body.pendingId(), body.modifiedContent()).messageId();
        return success("message_id", messageId, "channel", channel);
    }

    @POST
    @Path("{channel}/reject/")
    public Map<String, Object> reject(@PathParam("channel") String channel, PendingRef body) {
        answers.reject(CharonChannels.requireChannel(channel), body.pendingId());
        return success("channel", channel);
    }

    @POST
    @Path("{channel}/regenerate/")
    public Map<String, Object> regenerate(@PathParam("channel") String channel, PendingRef body) {
        Draft draft = answers.regenerate(CharonChannels.requireChannel(channel), body.pendingId());
        return success("pending_id", draft.pendingId(), "channel", channel);
    }

    @POST
    @Path("{channel}/auto-answer/")
    public Map<String, Object> autoAnswer(@PathParam("channel") String channel, AutoAnswer body) {
        boolean on = body.on();
        return success("channel", channel, "auto_answer", answers.autoAnswer(CharonChannels.requireChannel(channel), on));
    }

    /** The exact text the draft sent to the model (privacy and cost in view; the GM's eyes only). */
    @GET
    @Path("{channel}/pending/{pendingId}/sent/")
    public Map<String, Object> sent(@PathParam("channel") String channel, @PathParam("pendingId") String pendingId) {
        Draft draft = answers.sent(CharonChannels.requireChannel(channel), pendingId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pending_id", draft.pendingId());
        body.put("provider", draft.provider());
        body.put("sent_text", draft.sentText());
        body.put("tokens_in", draft.tokensIn());
        body.put("tokens_out", draft.tokensOut());
        return body;
    }
}
