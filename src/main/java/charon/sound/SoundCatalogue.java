package charon.sound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import charon.campaign.CampaignImageServlet;
import charon.campaign.CurrentCampaign;
import charon.view.SoundState;

/**
 * The sounds the GM may name: the ones every display synthesizes (no file needed), and the campaign's own
 * audio files ({@code audio/*.ogg|mp3|wav} in the campaign folder, named by that path, played from {@code /data/}).
 */
@ApplicationScoped
public class SoundCatalogue {

    /** The alerts displays synthesize, with the words of their visual cue. */
    public static final Map<String, String> ALERTS = ordered(
            "klaxon", "KLAXON",
            "proximity-alarm", "PROXIMITY ALARM",
            "decompression", "DECOMPRESSION",
            "hull-breach", "HULL BREACH",
            "charon-chime", "CHARON",
            "door-slam", "DOOR SLAM",
            "motion-tracker-ping", "MOTION DETECTED");

    /** The loops displays synthesize ({@link SoundState#SILENCE} plays nothing). */
    public static final List<String> AMBIENCES = List.of("engine-hum", "tension-drone", "data-noise", "near-silence",
            SoundState.SILENCE);

    /** A campaign sound's name: a plain file directly in {@code audio/}. */
    private static final Pattern CAMPAIGN_FILE = Pattern.compile("audio/[A-Za-z0-9][A-Za-z0-9 _.-]{0,100}");

    @Inject
    CurrentCampaign campaign;

    public boolean isAlert(String name) {
        return ALERTS.containsKey(name) || campaignFiles().contains(name);
    }

    public boolean isAmbience(String name) {
        return AMBIENCES.contains(name) || campaignFiles().contains(name);
    }

    /** The audio files of the campaign, as {@code audio/<file>}, the path {@code /data/} serves them at. */
    public List<String> campaignFiles() {
        Path root = campaign.root();
        if (root == null || !Files.isDirectory(root.resolve("audio"))) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve("audio"))) {
            for (Path file : files) {
                String name = "audio/" + file.getFileName();
                Optional<Path> served = CampaignImageServlet.resolve(root, name);
                if (CAMPAIGN_FILE.matcher(name).matches() && served.isPresent() && CampaignImageServlet.isAudio(served.get())) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
