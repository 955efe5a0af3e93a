package io.kubelite.benchmarks.api;

/**
 * One timed LIST of the benchmark namespace's pods.
 *
 * @param mode          "full" (one request) or "paged" (limit + continue)
 * @param status        HTTP status of the last request (200 when all went well)
 * @param items         pods returned over all pages
 * @param pages         requests made
 * @param bytes         response bytes over all pages
 * @param totalMs       time spent in the requests (parsing each page to find the next token excluded)
 * @param slowestPageMs the slowest single request
 */
record ListTiming(String mode, int status, int items, int pages, long bytes, double totalMs, double slowestPageMs) {
}
