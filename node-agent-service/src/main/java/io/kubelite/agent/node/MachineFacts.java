package io.kubelite.agent.node;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;

/**
 * What the agent reports about the machine it runs on.
 *
 * @param hostName    lower-cased, as a node name must be
 * @param address     the first non-loopback IPv4 address of an interface that is up (loopback when there is none)
 * @param memoryBytes physical memory
 */
public record MachineFacts(String hostName, String address, String operatingSystem, String architecture,
                           String kernelVersion, String osImage, int processors, long memoryBytes) {

    public static MachineFacts detect() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new MachineFacts(detectHostName(), detectAddress(), System.getProperty("os.name").toLowerCase(Locale.ROOT),
                architecture(System.getProperty("os.arch")), System.getProperty("os.version"), detectOsImage(),
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize());
    }

    /** The same machine reporting another address, as {@code kubelite.agent.address} sets it. */
    public MachineFacts withAddress(String newAddress) {
        return new MachineFacts(hostName, newAddress, operatingSystem, architecture, kernelVersion, osImage,
                processors, memoryBytes);
    }

    private static String detectHostName() {
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env.toLowerCase(Locale.ROOT);
        }
    }

    private static String detectAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            return "127.0.0.1";
        }
        return "127.0.0.1";
    }

    /** Kubernetes' (Go's) names: amd64, arm64. */
    private static String architecture(String javaArch) {
        return switch (javaArch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> javaArch;
        };
    }

    private static String detectOsImage() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.name");
        }
        return System.getProperty("os.name");
    }
}
