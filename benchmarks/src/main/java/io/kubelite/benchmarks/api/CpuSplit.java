package io.kubelite.benchmarks.api;

import java.util.Map;

/**
 * How the cores were shared over a measured interval.
 *
 * @param percentOfOneCore   CPU used per group (api server, postgres, load tool, other); 100 = one core busy
 * @param machineBusyPercent share of all cores' time that was not idle
 * @param cores              cores of the machine
 */
record CpuSplit(Map<String, Double> percentOfOneCore, double machineBusyPercent, int cores) {
}
