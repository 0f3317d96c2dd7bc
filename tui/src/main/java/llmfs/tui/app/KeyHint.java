package llmfs.tui.app;

/** A key and what it does, for the key bar and the help screen: {@code new KeyHint("c", "check")}. */
public record KeyHint(String key, String action) {}
