package llmfs.tui;

import picocli.CommandLine.IVersionProvider;

/** {@code tutor --version}: the build's version and the JVM it runs on. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[]{"LLM from Scratch tutor " + (v == null ? "0.1.0" : v),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
