package charon.ai;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Logger;

import charon.campaign.Campaign;

/**
 * The campaign's passages with their embeddings from the local all-MiniLM-L6-v2 model (in a Maven artifact; no
 * network). Built once per loaded campaign (a hot reload loads a new one), then searched per query among the
 * passages the query may use only: what it may not use is never ranked, so it cannot slip into a prompt.
 */
final class KnowledgeIndex {

    private static final Logger LOG = Logger.getLogger(KnowledgeIndex.class.getName());
    /** The model is ~90 MB of weights: loaded once, at the first index, on the thread that builds it. */
    private static EmbeddingModel model;
    private static Path nativeCopy;

    /** A retrieved passage with its similarity to the query. */
    record Hit(Passage passage, double score) {
    }

    private final Campaign campaign;
    private final List<Passage> passages;
    private final List<Embedding> embeddings;
    private final Persona persona;
    private final Path root;

    private KnowledgeIndex(Campaign campaign, Path root, List<Passage> passages, List<Embedding> embeddings) {
        this.campaign = campaign;
        this.root = root;
        this.passages = passages;
        this.embeddings = embeddings;
        this.persona = Persona.read(root.resolve("charon").resolve("context.yaml"));
    }

    static KnowledgeIndex build(Campaign campaign, Path root) {
        long start = System.nanoTime();
        List<Passage> passages = KnowledgeCollector.collect(campaign, root);
        List<TextSegment> segments = passages.stream().map(p -> TextSegment.from(p.forPrompt())).toList();
        List<Embedding> embeddings = segments.isEmpty() ? List.of() : model().embedAll(segments).content();
        LOG.info(String.format("CHARON knowledge indexed: %d passages in %d ms", passages.size(), (System.nanoTime() - start) / 1_000_000));
        return new KnowledgeIndex(campaign, root, passages, embeddings);
    }

    static synchronized EmbeddingModel model() {
        if (model == null) {
            nativeCopy = nativeFolder();
            model = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
        }
        return model;
    }

    /**
     * The tokenizer's native library is unpacked by DJL into a shared cache (~/.djl.ai) and a JVM loads one file in one
     * class loader only: a second deployment (a redeploy, or the tests' next WAR) would fail. Each deployment gets
     * its own copy in a temporary folder, removed at undeploy; DJL is also told never to go online.
     */
    private static Path nativeFolder() {
        try {
            Path folder = java.nio.file.Files.createTempDirectory("charon-djl-");
            System.setProperty("DJL_CACHE_DIR", folder.toString());
            System.setProperty("ENGINE_CACHE_DIR", folder.toString());
            System.setProperty("DJL_OFFLINE", "true");
            return folder;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no temporary folder for the tokenizer's native library", e);
        }
    }

    /** At undeploy: the unpacked native library of this deployment (Linux lets a loaded library's file go). */
    static synchronized void releaseNativeCopy() {
        if (nativeCopy != null) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(nativeCopy)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (java.io.IOException | RuntimeException e) {
                LOG.fine("Temporary tokenizer folder left: " + nativeCopy);
            }
            nativeCopy = null;
        }
    }

    boolean isFor(Campaign other) {
        return campaign == other;
    }

    Campaign campaign() {
        return campaign;
    }

    Persona persona() {
        return persona;
    }

    Path root() {
        return root;
    }

    List<Passage> passages() {
        return passages;
    }

    /** The {@code limit} passages most like the query among those {@code allowed}, best first. */
    List<Hit> search(String query, Predicate<Passage> allowed, int limit) {
        Embedding q = model().embed(query).content();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            if (allowed.test(passages.get(i))) {
                hits.add(new Hit(passages.get(i), CosineSimilarity.between(q, embeddings.get(i))));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }
}
