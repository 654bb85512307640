package charon.campaign;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import charon.security.SignedIn;

/**
 * {@code GET /data/<path>}: the campaign's images (portraits, map images, token pictures) at the
 * URLs campaign files already use, and its audio files. Only image and audio files, and only inside the campaign
 * directory: YAML and Markdown (GM secrets) and anything reached by {@code ..} or a symlink out answer 404. Players'
 * devices get only the files something they are shown names ({@link PublicFiles}); the GM gets every file.
 */
@WebServlet(urlPatterns = "/data/*")
public class CampaignImageServlet extends HttpServlet {

    /** The files {@code /data/} serves, by extension, with their content type: images and sounds, nothing else. */
    static final Map<String, String> SERVED_TYPES = Map.of(
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "webp", "image/webp",
            // the campaign's own sounds (audio/), for the GM's alerts and ambience
            "ogg", "audio/ogg",
            "mp3", "audio/mpeg",
            "wav", "audio/wav");

    @Inject
    CurrentCampaign current;
    @Inject
    PublicFiles publicFiles;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Path> image = resolve(current.root(), request.getPathInfo());
        if (image.isEmpty() || !(byGm(request) || publicFiles.shownToPlayers(request.getPathInfo()))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Path file = image.get();
        response.setContentType(SERVED_TYPES.get(extension(file)));
        response.setContentLengthLong(Files.size(file));
        response.setHeader("Cache-Control", "max-age=300");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Files.copy(file, response.getOutputStream());
    }

    private static boolean byGm(HttpServletRequest request) {
        return SignedIn.from(request.getSession(false)).filter(SignedIn::gm).isPresent();
    }

    /** The image file a request path names, if it is a regular image file really inside the root. */
    public static Optional<Path> resolve(Path root, String pathInfo) {
        if (root == null || pathInfo == null || pathInfo.contains("\\") || pathInfo.contains("\0")) {
            return Optional.empty();
        }
        String relative = pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
        try {
            Path realRoot = root.toRealPath();
            Path candidate = realRoot.resolve(relative).normalize();
            if (!candidate.startsWith(realRoot) || !Files.isRegularFile(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot) || !SERVED_TYPES.containsKey(extension(real))) {
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** An audio file (ogg, mp3, wav) rather than an image. */
    public static boolean isAudio(Path file) {
        return SERVED_TYPES.getOrDefault(extension(file), "").startsWith("audio/");
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
