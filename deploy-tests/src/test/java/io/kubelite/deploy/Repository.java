package io.kubelite.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the tests check, found through the properties the build passes. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("kubelite.root", "..")).toAbsolutePath().normalize();
    static final String VERSION = System.getProperty("kubelite.version", "0.1.0");
    static final Path CHART = ROOT.resolve("deploy/helm/kube-lite");

    private Repository() {
    }

    static String read(String path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
