package charon.view;

/** Whether players may type queries to CHARON on the displays. */
public enum CharonMode {
    DISPLAY, QUERY
}
