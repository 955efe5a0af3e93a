package io.kubelite.cli.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.cli.api.ApiClient;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class PodStatusTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Pending, not scheduled | {'status':{'phase':'Pending'}} | Pending",
            "Running and ready | {'status':{'phase':'Running','containerStatuses':[{'name':'c','ready':true,'state':{'running':{}}}]}} | Running",
            "image being pulled | {'status':{'phase':'Pending','containerStatuses':[{'name':'c','state':{'waiting':{'reason':'ContainerCreating'}}}]}} | ContainerCreating",
            "crash looping | {'status':{'phase':'Running','containerStatuses':[{'name':'c','state':{'waiting':{'reason':'CrashLoopBackOff'}}}]}} | CrashLoopBackOff",
            "finished | {'status':{'phase':'Succeeded','containerStatuses':[{'name':'c','state':{'terminated':{'exitCode':0,'reason':'Completed'}}}]}} | Completed",
            "failed | {'status':{'phase':'Failed','containerStatuses':[{'name':'c','state':{'terminated':{'exitCode':1,'reason':'Error'}}}]}} | Error",
            "killed without a reason | {'status':{'phase':'Failed','containerStatuses':[{'name':'c','state':{'terminated':{'exitCode':137}}}]}} | ExitCode:137",
            "init container running | {'spec':{'initContainers':[{'name':'i'}]},'status':{'phase':'Pending','initContainerStatuses':[{'name':'i','state':{'running':{}}}]}} | Init:0/1",
            "being deleted | {'metadata':{'deletionTimestamp':'2024-05-01T10:00:00Z'},'status':{'phase':'Running'}} | Terminating",
            "evicted | {'status':{'phase':'Failed','reason':'Evicted'}} | Evicted"})
    void statusColumnIsTheReasonKubectlShows(String description, String pod, String expected) {
        assertThat(PodTable.status(json(pod))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "one of two ready | {'spec':{'containers':[{'name':'a'},{'name':'b'}]},'status':{'containerStatuses':[{'name':'a','ready':true,'state':{'running':{}}},{'name':'b','ready':false,'state':{'running':{}}}]}} | 1/2 | 0",
            "restarted | {'spec':{'containers':[{'name':'a'}]},'status':{'containerStatuses':[{'name':'a','restartCount':3,'lastState':{'terminated':{'finishedAt':'2024-05-01T09:59:18Z'}},'state':{'running':{}}}]}} | 0/1 | 3 (42s ago)"})
    void readyAndRestartsCountTheContainers(String description, String pod, String ready, String restarts) {
        JsonNode object = json(pod);
        var row = new PodTable().row(object, false, Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(row.get(1)).isEqualTo(ready);
        assertThat(row.get(3)).isEqualTo(restarts);
    }

    private static JsonNode json(String text) {
        return ApiClient.JSON.readTree(text.replace('\'', '"'));
    }
}
