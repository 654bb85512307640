package charon.campaign;

import charon.errors.NotFound;
import charon.view.ShipSystemOverride;

import jakarta.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One loaded campaign, immutable: the galaxy tree, comm terminals, encounter maps, people, ship, sessions
 * and 3D map files, plus the problems met while loading. Lookups are O(1) through maps built at load.
 * The loaded files stay as SnakeYAML read them (ordered, unmodifiable maps); what the campaign hands out is typed:
 * records where the server defines the shape, immutable JSON-P values where the content is the campaign's own
 * (free-form YAML: a ship, a star map, a deck), written as read (see {@link FreeForm}).
 */
public final class Campaign {

    private final String title;
    private final List<Location> systems;
    private final Map<String, Location> locationsBySlug;
    private final List<Map<String, Object>> npcs;
    private final Map<String, Map<String, Object>> npcsById;
    /** Built once per loaded campaign, on first use: every payload (each change, each audience) carries them. */
    private final Once<Map<String, NpcCard>> npcCards;
    private final List<Map<String, Object>> crew;
    private final Map<String, Object> ship;
    private final List<Session> sessions;
    private final List<String> imageFiles;
    private final GalaxyMapsLoader.StarMapFile starMap;
    private final Map<String, Map<String, Object>> systemMaps;
    private final Map<String, Map<String, Object>> orbitMaps;
    private final List<CampaignProblem> problems;

    Campaign(String title, List<Location> systems, List<Map<String, Object>> npcs, List<Map<String, Object>> crew,
             Map<String, Object> ship, List<Session> sessions, List<String> imageFiles,
             GalaxyMapsLoader.StarMapFile starMap, Map<String, Map<String, Object>> systemMaps,
             Map<String, Map<String, Object>> orbitMaps, ProblemLog problemLog) {
        this.title = title;
        this.systems = List.copyOf(systems);
        this.npcs = List.copyOf(npcs);
        this.crew = List.copyOf(crew);
        this.ship = ship;
        this.sessions = List.copyOf(sessions);
        this.imageFiles = List.copyOf(imageFiles);
        this.starMap = starMap;
        this.systemMaps = systemMaps;
        this.orbitMaps = orbitMaps;
        Map<String, Location> bySlug = new LinkedHashMap<>();
        systems.forEach(s -> index(s, bySlug, problemLog));
        this.locationsBySlug = Collections.unmodifiableMap(bySlug);
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        npcs.stream().filter(n -> Values.truthy(n.get("id"))).forEach(n -> byId.putIfAbsent(Values.str(n.get("id")), n));
        this.npcsById = Collections.unmodifiableMap(byId);
        this.npcCards = new Once<>(() -> Collections.unmodifiableMap(PeopleJson.npcCards(this.npcs)));
        this.problems = problemLog.snapshot();
    }

    /** Depth-first in (sorted) load order, first match wins like the original; duplicates are reported. */
    private static void index(Location location, Map<String, Location> bySlug, ProblemLog problems) {
        Location previous = bySlug.putIfAbsent(location.slug(), location);
        if (previous != null) {
            problems.add("galaxy/" + String.join("/", location.path()), null, "location slug '" + location.slug()
                    + "' is also used by galaxy/" + String.join("/", previous.path()) + "; lookups find that one");
        }
        location.children().forEach(c -> index(c, bySlug, problems));
    }

    // ---- problems -------------------------------------------------------------------------------

    /** Everything that could not be loaded (file relative to the campaign root, line or null, message). */
    public List<CampaignProblem> problems() {
        return problems;
    }

    // ---- locations and terminals ----------------------------------------------------------------

    /** Top-level locations (star systems), sorted by slug. */
    public List<Location> systems() {
        return systems;
    }

    /** Every location, depth-first. */
    public List<Location> allLocations() {
        return List.copyOf(locationsBySlug.values());
    }

    public Optional<Location> location(String slug) {
        return slug == null ? Optional.empty() : Optional.ofNullable(locationsBySlug.get(slug));
    }

    /** Slugs from the system down to the location, e.g. [sol, earth, uscss_morrigan]; empty if unknown. */
    public List<String> locationPath(String slug) {
        return location(slug).map(Location::path).orElse(List.of());
    }

    public Optional<Terminal> terminal(String locationSlug, String terminalSlug) {
        return location(locationSlug).flatMap(l -> l.terminal(terminalSlug));
    }

    // ---- people, ship, sessions -----------------------------------------------------------------

    /**
     * npcs.yaml entries in file order, as read (free-form: a sheet's keys are the campaign's); an entry with an id but
     * no name is skipped and reported.
     */
    public List<Map<String, Object>> npcs() {
        return npcs;
    }

    /** The portrait card of the NPC with this id (what the encounter view shows of it). */
    public Optional<NpcCard> npc(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(npcsById.get(id)).map(PeopleJson::npcCard);
    }

    /** crew.yaml entries in file order, as read (free-form, like the NPCs). */
    public List<Map<String, Object>> crew() {
        return crew;
    }

    /** The whole ship.yaml document ({@code {ship: {...}}}) as read (free-form); the displays get {@link #shipStatus}. */
    public Optional<Map<String, Object>> ship() {
        return Optional.ofNullable(ship);
    }

    /** Session logs, newest session_number first. */
    public List<Session> sessions() {
        return sessions;
    }

    /** Loose image file names of campaign/NPCs/images, sorted. */
    public List<String> imageFiles() {
        return imageFiles;
    }

    /** The star map, system maps and orbit maps as read (free-form YAML), for the campaign's own readers. */
    Optional<Map<String, Object>> starMap() {
        return Optional.ofNullable(starMap.data());
    }

    Optional<Map<String, Object>> systemMap(String system) {
        return Optional.ofNullable(systemMaps.get(system));
    }

    Optional<Map<String, Object>> orbitMap(String system, String body) {
        return Optional.ofNullable(orbitMaps.get(GalaxyMapsLoader.key(system, body)));
    }

    /** Every system and orbit map (the public endpoints serve each of them whole). */
    List<Map<String, Object>> systemAndOrbitMaps() {
        List<Map<String, Object>> all = new java.util.ArrayList<>(systemMaps.values());
        all.addAll(orbitMaps.values());
        return all;
    }

    // ---- JSON shapes of the read endpoints --------------------------------------------------------

    /** GET /api/gm/locations/ (§3.1): {"locations": [Node...]}. */
    public LocationTree locationsTreeJson() {
        return LocationTree.of(systems);
    }

    /** GET /api/terminal/{loc}/{term}/ (§8); 404 bodies "Location not found" / "Terminal not found". */
    public TerminalDocument terminalJson(String locationSlug, String terminalSlug) {
        Location location = location(locationSlug).orElseThrow(() -> new NotFound("Location not found"));
        return location.terminal(terminalSlug).map(t -> t.toJson(location.name()))
                .orElseThrow(() -> new NotFound("Terminal not found"));
    }

    /**
     * GET /api/encounter-map/{slug}/ (§6.12). The state values are the global ActiveView's, even when it
     * shows another location (as the original).
     *
     * @param queryDeckId the request's {@code deck_id} parameter, or null
     */
    public JsonObject encounterMapJson(String locationSlug, Map<String, ?> roomVisibility, Object encounterLevel,
                                       String encounterDeckId, String queryDeckId) {
        return EncounterMapJson.map(this, locationSlug, roomVisibility, encounterLevel, encounterDeckId, queryDeckId);
    }

    /** GET /api/encounter-map/{slug}/all-decks/ (§6.13). */
    public JsonObject encounterAllDecksJson(String locationSlug, Map<String, ?> roomVisibility, String encounterDeckId) {
        return EncounterMapJson.allDecks(this, locationSlug, roomVisibility, encounterDeckId).json();
    }

    /** GET /api/star-map/: {@link NotFound} when missing, {@link charon.errors.BrokenData} when broken, both with empty systems/routes. */
    public JsonObject starMapJson() {
        return GalaxyJson.starMap(starMap, systemMaps.keySet());
    }

    /** The /terminal/ page's INITIAL_DATA.starSystems: [{name, hasSystemMap}] for labelled systems. */
    List<StarSystemLabel> terminalPageStarSystems() {
        return GalaxyJson.labelledSystems(starMap, systemMaps.keySet());
    }

    /** GET /api/system-map/{s}/ with surface_facility_count, orbital_station_count, has_orbit_map per body. */
    public JsonObject systemMapJson(String system) {
        return GalaxyJson.systemMap(this, system, systemMaps.get(system));
    }

    /** GET /api/orbit-map/{s}/{b}/: the file verbatim (free-form: the campaign's file). */
    public JsonObject orbitMapJson(String system, String body) {
        Map<String, Object> map = orbitMaps.get(GalaxyMapsLoader.key(system, body));
        if (map == null) {
            String error = "Orbit map not found for " + system + "/" + body;
            throw new NotFound(error, new CampaignErrors.MapMissing(error, system, body));
        }
        return FreeForm.object(map);
    }

    /** The campaign's title, shown on the displays. */
    public String title() {
        return title;
    }

    /** The session logs as the BRIDGE view lists them, newest first (each the log's own front matter and more). */
    public List<JsonObject> sessionsJson() {
        return sessions.stream().map(Session::json).toList();
    }

    /** The session logs players may read: no log marked gm_only, no gm_ key (see {@link GmOnly}). */
    List<JsonObject> playersSessionsJson() {
        return sessions.stream().filter(s -> !GmOnly.marked(s.data())).map(s -> GmOnly.strip(s.json())).toList();
    }

    /** ship.yaml with the overrides merged into ship.systems (§12.4); empty when there is no ship.yaml. */
    public Optional<JsonObject> shipStatus(Map<String, ShipSystemOverride> overrides) {
        return ship().map(doc -> ShipJson.merged(doc, overrides));
    }

    /** GET /api/ship-status/; 404 {"error":"Ship data not found"}. */
    public JsonObject shipStatusJson(Map<String, ShipSystemOverride> overrides) {
        return shipStatus(overrides).orElseThrow(() -> new NotFound("Ship data not found"));
    }

    /**
     * The token gallery (§6.11): crew, then NPCs with portraits, then loose images, whose urls are relative to the
     * campaign root ({@code campaign/NPCs/images/x.png}); the server prefixes its static route.
     */
    public List<TokenImage> tokenImages() {
        return PeopleJson.tokenImages(crew, npcs, imageFiles);
    }

    /** encounter_npc_data of the payload: {npcId: {id, name, portrait}} for NPCs with an id. */
    public Map<String, NpcCard> npcCards() {
        return npcCards.get();
    }

    /**
     * The location part of the active-view payload (§10.2) for an ENCOUNTER view: location_type,
     * location_name, location_path, location_data (trimmed to what the display draws: no messages, no
     * subtree, only the current deck), encounter_total_decks and encounter_deck_name when they apply.
     * Empty when the location is unknown.
     */
    public Optional<LocationKeys> encounterEnrichment(String locationSlug, String stateDeckId) {
        return location(locationSlug).map(l -> LocationJson.enrichment(l, stateDeckId));
    }
}
