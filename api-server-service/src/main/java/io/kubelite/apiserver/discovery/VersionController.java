package io.kubelite.apiserver.discovery;

import io.kubelite.apiserver.ApiServerApplication;
import io.kubelite.apiserver.web.JsonResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /version}, the document {@code kubectl version} reads. */
@Tag(name = "discovery")
@RestController
class VersionController {

    /** The Kubernetes API release whose object shapes and paths kube-lite serves. */
    private static final String KUBERNETES_MAJOR = "1";
    private static final String KUBERNETES_MINOR = "31";

    private final Map<String, String> version;

    VersionController() {
        String kubelite = ApiServerApplication.class.getPackage().getImplementationVersion();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("major", KUBERNETES_MAJOR);
        info.put("minor", KUBERNETES_MINOR);
        info.put("gitVersion", "v" + KUBERNETES_MAJOR + "." + KUBERNETES_MINOR + ".0+kubelite-"
                + (kubelite != null ? kubelite : "dev"));
        info.put("gitCommit", "");
        info.put("gitTreeState", "");
        info.put("buildDate", "");
        info.put("goVersion", "java" + System.getProperty("java.version"));
        info.put("compiler", "javac");
        info.put("platform", System.getProperty("os.name").toLowerCase(Locale.ROOT) + "/" + System.getProperty("os.arch"));
        this.version = Collections.unmodifiableMap(info);
    }

    @Operation(summary = "Server version (Kubernetes version.Info)")
    @GetMapping("/version")
    ResponseEntity<byte[]> version() {
        return JsonResponses.ok(version);
    }
}
