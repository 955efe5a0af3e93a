package io.kubelite.cli;

import picocli.CommandLine.IVersionProvider;

/** The client's version: the jar's implementation version, as the build wrote it into the manifest. */
public final class ClientVersion implements IVersionProvider {

    /** {@code v0.1.0}, or {@code dev} when run from classes rather than the jar. */
    public static String gitVersion() {
        String version = ClientVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : "v" + version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kubectl-lite " + gitVersion()};
    }
}
