package charon;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.ext.Provider;

import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Takes Jersey's own {@code /application.wadl} resource out of the API. Turning WADL off
 * ({@code jersey.config.server.wadl.disableWadl}) is not enough here: the container's scan of the WAR's
 * jars finds Jersey's {@code WadlResource} like any other {@code @Path} class, and it then answered 500
 * (with a stack trace in the log) instead of the WADL; without it, the path is an ordinary 404.
 */
@Provider
public class NoWadl implements ModelProcessor {

    private static final String WADL_PACKAGE = "org.glassfish.jersey.server.wadl.";

    @Override
    public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
        ResourceModel.Builder kept = new ResourceModel.Builder(false);
        model.getResources().stream().filter(resource -> !isWadl(resource)).forEach(kept::addResource);
        return kept.build();
    }

    @Override
    public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
        return model;
    }

    private static boolean isWadl(Resource resource) {
        return resource.getHandlerClasses().stream().anyMatch(type -> type.getName().startsWith(WADL_PACKAGE));
    }
}
