package io.kubelite.cli;

import io.kubelite.cli.api.ApiException;
import io.kubelite.cli.api.ConnectionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints a failed command's error as kubectl does, on one line, and exits with 1. */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getOut().flush();
        commandLine.getErr().println(message(e));
        commandLine.getErr().flush();
        return 1;
    }

    private static String message(Exception e) {
        if (e instanceof ApiException api) {
            return api.kubectlMessage();
        }
        if (e instanceof ConnectionException) {
            return e.getMessage();
        }
        return "error: " + (e.getMessage() != null ? e.getMessage() : e.toString());
    }
}
