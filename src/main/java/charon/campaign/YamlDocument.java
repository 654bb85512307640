package charon.campaign;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A parsed YAML file: its data (frozen) plus what is needed to point a problem at a line. The node
 * tree is composed only when a problem needs a line number, so healthy files are parsed once.
 *
 * @param file       path relative to the campaign root
 * @param data       frozen data (Map / List / scalar)
 * @param lineOffset lines before the YAML text in the file (front matter starts after "---")
 */
record YamlDocument(String file, String text, Object data, int lineOffset) {

    Map<String, Object> map() {
        return Values.asMap(data);
    }

    /** 1-based line of the node at a path of mapping keys (String) and sequence indexes (Integer), or null. */
    Integer lineOf(Object... path) {
        Node node;
        try {
            node = CampaignYaml.compose(text);
        } catch (RuntimeException e) {
            return null;
        }
        for (Object step : path) {
            node = step instanceof Integer index ? item(node, index) : value(node, String.valueOf(step));
            if (node == null) {
                return null;
            }
        }
        return node.getStartMark().getLine() + 1 + lineOffset;
    }

    private static Node item(Node node, int index) {
        if (node instanceof SequenceNode seq) {
            List<Node> items = seq.getValue();
            return index < items.size() ? items.get(index) : null;
        }
        return null;
    }

    private static Node value(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            Node found = null;
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                    found = tuple.getValueNode(); // last one wins, like the loaded data
                }
            }
            return found;
        }
        return null;
    }
}
