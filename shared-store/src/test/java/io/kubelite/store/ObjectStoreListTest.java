package io.kubelite.store;

import static io.kubelite.store.TestObjects.labeled;
import static io.kubelite.store.TestObjects.meta;
import static io.kubelite.store.TestObjects.namespace;
import static io.kubelite.store.TestObjects.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.model.selector.FieldSelector;
import io.kubelite.model.selector.LabelSelector;
import io.kubelite.store.testing.TestStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

class ObjectStoreListTest {

    @RegisterExtension
    static final TestStore fixture = TestStore.onNewDatabase();
    private static final ObjectStore store = fixture.store;

    @BeforeAll
    static void createPods() {
        store.create(ResourceKind.NAMESPACE, namespace("shop"), WriteOptions.NONE);
        create("default", "db-0", "db", "prod", null, "Running");
        create("default", "web-0", "web", "prod", "n1", "Running");
        create("default", "web-1", "web", "staging", "n2", "Pending");
        create("shop", "web-2", "web", null, "n1", "Succeeded");
        create("shop", "cache-0", "cache", "prod", null, null);
    }

    private static void create(String namespace, String name, String app, String env, String node, String phase) {
        ObjectNode pod = labeled(pod(namespace, name), "app", app);
        if (env != null) {
            labeled(pod, "env", env);
        }
        if (node != null) {
            ((ObjectNode) pod.get("spec")).put("nodeName", node);
        }
        ObjectNode created = store.create(ResourceKind.POD, pod, WriteOptions.NONE);
        if (phase != null) {
            created.putObject("status").put("phase", phase);
            store.updateStatus(ResourceKind.POD, created, WriteOptions.NONE);
        }
    }

    private static List<String> names(String namespace, String labels, String fields) {
        ListOptions options = new ListOptions(namespace, labels == null ? null : LabelSelector.parse(labels),
                fields == null ? null : FieldSelector.parse(fields), 0, null);
        return store.list(ResourceKind.POD, options).items().stream().map(p -> meta(p, "name")).toList();
    }

    @Test
    void listsEveryNamespaceOrderedByNamespaceAndName() {
        assertThat(names(null, null, null)).containsExactly("db-0", "web-0", "web-1", "cache-0", "web-2");
        assertThat(names("shop", null, null)).containsExactly("cache-0", "web-2");
    }

    @Test
    void equalityAndSetBasedLabelSelectorsMatchLikeKubernetes() {
        assertThat(names(null, "app=web", null)).containsExactly("web-0", "web-1", "web-2");
        assertThat(names(null, "app!=web", null)).containsExactly("db-0", "cache-0");
        assertThat(names(null, "env in (prod,staging),app=web", null)).containsExactly("web-0", "web-1");
        assertThat(names(null, "env notin (prod)", null)).containsExactly("web-1", "web-2");
        assertThat(names(null, "!env", null)).containsExactly("web-2");
        assertThat(names(null, "env", null)).containsExactly("db-0", "web-0", "web-1", "cache-0");
    }

    @Test
    void fieldSelectorsOnNameNamespaceNodeAndPhase() {
        assertThat(names(null, null, "spec.nodeName=n1")).containsExactly("web-0", "web-2");
        assertThat(names(null, null, "spec.nodeName=")).containsExactly("db-0", "cache-0");
        assertThat(names(null, null, "status.phase!=Running,status.phase!=Pending")).containsExactly("web-2");
        assertThat(names(null, null, "metadata.name=web-1")).containsExactly("web-1");
        assertThat(names(null, null, "metadata.namespace=shop")).containsExactly("cache-0", "web-2");
        assertThat(names(null, "app=web", "spec.nodeName!=n1")).containsExactly("web-1");
    }

    @Test
    void unsupportedFieldLabelsAreBadRequests() {
        assertThatThrownBy(() -> names(null, null, "spec.restartPolicy=Always"))
                .isInstanceOf(StatusException.class)
                .hasMessage("field label not supported: spec.restartPolicy")
                .extracting(e -> ((StatusException) e).code()).isEqualTo(400);
    }

    @Test
    void pagesWithContinueTokensAnswerAtTheFirstPagesRevision() {
        ObjectList first = store.list(ResourceKind.POD, new ListOptions(null, null, null, 2, null));
        store.create(ResourceKind.POD, pod("shop", "late-arrival"), WriteOptions.NONE);
        List<String> seen = new ArrayList<>(first.items().stream().map(p -> meta(p, "name")).toList());
        assertThat(first.remainingItemCount()).isEqualTo(3);
        ObjectList page = first;
        while (page.continueToken() != null) {
            page = store.list(ResourceKind.POD, new ListOptions(null, null, null, 2, page.continueToken()));
            assertThat(page.resourceVersion()).isEqualTo(first.resourceVersion());
            page.items().forEach(p -> seen.add(meta(p, "name")));
        }
        store.delete(ResourceKind.POD, "shop", "late-arrival", DeleteOptions.IMMEDIATE);

        assertThat(seen).containsExactly("db-0", "web-0", "web-1", "cache-0", "late-arrival", "web-2");
        assertThat(page.remainingItemCount()).isNull();
    }

    @Test
    void aListReportsTheRevisionItWasReadAt() {
        ObjectList list = store.list(ResourceKind.POD, ListOptions.all());

        assertThat(list.resourceVersion()).isEqualTo(store.currentRevision());
        assertThat(list.continueToken()).isNull();
    }

    @Test
    void aGarbageContinueTokenIsABadRequest() {
        for (String token : List.of("garbage!", "bm90LWEtdG9rZW4")) {
            assertThatThrownBy(() -> store.list(ResourceKind.POD, new ListOptions(null, null, null, 2, token)))
                    .isInstanceOf(StatusException.class)
                    .extracting(e -> ((StatusException) e).code()).isEqualTo(400);
        }
    }
}
