package charon.status;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** The addresses players join at. */
@RequestScoped
@Path("gm/join/")
@Produces(MediaType.APPLICATION_JSON)
public class JoinResource {

    public record DisplayUrls(List<String> displayUrls) {
    }

    /** {@code GET /api/gm/join/}: the display page's URL on each LAN address, for the console's QR code. */
    @GET
    public DisplayUrls join(@Context HttpServletRequest request) {
        String suffix = ":" + request.getLocalPort() + request.getContextPath() + "/terminal/";
        List<String> urls = LanAddresses.find().stream().map(address -> "http://" + address + suffix).toList();
        return new DisplayUrls(urls);
    }
}
