package io.kubelite.store;

import static io.kubelite.store.TestObjects.meta;
import static io.kubelite.store.TestObjects.namespace;
import static io.kubelite.store.TestObjects.pod;
import static io.kubelite.store.TestObjects.revision;
import static io.kubelite.store.TestObjects.rv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import io.kubelite.store.testing.TestStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

class ObjectStoreWritesTest {

    @RegisterExtension
    static final TestStore fixture = TestStore.onNewDatabase();
    private static final ObjectStore store = fixture.store;

    private static StatusException failure(Runnable call) {
        try {
            call.run();
        } catch (StatusException e) {
            return e;
        }
        throw new AssertionError("expected a StatusException");
    }

    @Test
    void createSetsServerFieldsAndDefaultsTheNamespace() {
        ObjectNode created = store.create(ResourceKind.POD, pod(null, "server-fields"), WriteOptions.NONE);

        assertThat(meta(created, "namespace")).isEqualTo("default");
        assertThat(meta(created, "uid")).hasSize(36);
        assertThat(Instant.parse(meta(created, "creationTimestamp"))).isBeforeOrEqualTo(Instant.now());
        assertThat(created.path("metadata").path("generation").asLong()).isEqualTo(1);
        assertThat(revision(created)).isEqualTo(store.currentRevision());
        assertThat(created.path("spec").path("restartPolicy").asString()).isEqualTo("Always");
        assertThat(store.get(ResourceKind.POD, "default", "server-fields")).isEqualTo(created);
    }

    @Test
    void defaultNamespacesExistFromTheStart() {
        assertThat(store.get(ResourceKind.NAMESPACE, null, "default")).isNotNull();
        assertThat(store.get(ResourceKind.NAMESPACE, null, "kube-system")).isNotNull();
    }

    @Test
    void theDefaultNamespacesCannotBeDeleted() {
        for (String name : List.of("default", "kube-system")) {
            for (DeleteOptions options : List.of(DeleteOptions.NONE, new DeleteOptions(null, null, 0L, true, null))) {
                StatusException e = failure(() -> store.delete(ResourceKind.NAMESPACE, null, name, options));

                assertThat(e.code()).isEqualTo(403);
                assertThat(e.reason()).isEqualTo("Forbidden");
                assertThat(e.getMessage())
                        .isEqualTo("namespaces \"" + name + "\" is forbidden: this namespace may not be deleted");
                assertThat(e.status().details().name()).isEqualTo(name);
                assertThat(e.status().details().kind()).isEqualTo("namespaces");
            }
            assertThat(store.get(ResourceKind.NAMESPACE, null, name)).isNotNull();
        }
    }

    @Test
    void createInAMissingNamespaceIsNotFoundForTheNamespace() {
        StatusException e = failure(() -> store.create(ResourceKind.POD, pod("nowhere", "p"), WriteOptions.NONE));

        assertThat(e.code()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo("namespaces \"nowhere\" not found");
    }

    @Test
    void clusterScopedObjectsRejectANamespace() {
        ObjectNode ns = namespace("scoped");
        ((ObjectNode) ns.get("metadata")).put("namespace", "default");

        assertThat(failure(() -> store.create(ResourceKind.NAMESPACE, ns, WriteOptions.NONE)).code()).isEqualTo(422);
    }

    @Test
    void invalidObjectsAreRejectedWithCauses() {
        ObjectNode bad = pod(null, "Bad_Name");

        StatusException e = failure(() -> store.create(ResourceKind.POD, bad, WriteOptions.NONE));

        assertThat(e.code()).isEqualTo(422);
        assertThat(e.status().details().causes()).extracting(c -> c.field()).contains("metadata.name");
    }

    @Test
    void duplicateCreateIsAlreadyExists() {
        store.create(ResourceKind.POD, pod(null, "twice"), WriteOptions.NONE);

        StatusException e = failure(() -> store.create(ResourceKind.POD, pod(null, "twice"), WriteOptions.NONE));

        assertThat(e.code()).isEqualTo(409);
        assertThat(e.reason()).isEqualTo("AlreadyExists");
    }

    @Test
    void generateNameAppendsFiveCharactersAndNeverCollides() {
        ObjectNode template = pod(null, "");
        ((ObjectNode) template.get("metadata")).remove("name");
        ((ObjectNode) template.get("metadata")).put("generateName", "web-");

        List<String> names = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            names.add(meta(store.create(ResourceKind.POD, template, WriteOptions.NONE), "name"));
        }

        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("web-[a-z0-9]{5}"));
    }

    @Test
    void updateKeepsTheStoredStatusAndUpdateStatusKeepsSpecAndMetadata() {
        ObjectNode created = store.create(ResourceKind.POD, pod(null, "separation"), WriteOptions.NONE);
        ObjectNode withStatus = created.deepCopy();
        withStatus.putObject("status").put("phase", "Running");
        withStatus.withObjectProperty("metadata").withObjectProperty("labels").put("ignored", "by-status-write");
        ObjectNode afterStatus = store.updateStatus(ResourceKind.POD, withStatus, WriteOptions.NONE);

        assertThat(afterStatus.path("status").path("phase").asString()).isEqualTo("Running");
        assertThat(afterStatus.path("metadata").has("labels")).isFalse();

        ObjectNode specWrite = afterStatus.deepCopy();
        specWrite.putObject("status").put("phase", "Failed");
        specWrite.withObjectProperty("metadata").withObjectProperty("labels").put("app", "web");
        ObjectNode afterUpdate = store.update(ResourceKind.POD, specWrite, WriteOptions.NONE);

        assertThat(afterUpdate.path("status").path("phase").asString()).isEqualTo("Running");
        assertThat(afterUpdate.path("metadata").path("labels").path("app").asString()).isEqualTo("web");
        assertThat(revision(afterUpdate)).isGreaterThan(revision(afterStatus));
    }

    @Test
    void generationGrowsOnlyWhenTheSpecChanges() {
        ObjectNode created = store.create(ResourceKind.POD, pod(null, "generation"), WriteOptions.NONE);
        ObjectNode labelOnly = created.deepCopy();
        labelOnly.withObjectProperty("metadata").withObjectProperty("labels").put("a", "b");
        ObjectNode relabeled = store.update(ResourceKind.POD, labelOnly, WriteOptions.NONE);
        ObjectNode statusOnly = relabeled.deepCopy();
        statusOnly.putObject("status").put("phase", "Running");
        ObjectNode withStatus = store.updateStatus(ResourceKind.POD, statusOnly, WriteOptions.NONE);
        ObjectNode newImage = withStatus.deepCopy();
        ((ObjectNode) newImage.path("spec").path("containers").get(0)).put("image", "busybox:2");
        ObjectNode reimaged = store.update(ResourceKind.POD, newImage, WriteOptions.NONE);

        assertThat(relabeled.path("metadata").path("generation").asLong()).isEqualTo(1);
        assertThat(withStatus.path("metadata").path("generation").asLong()).isEqualTo(1);
        assertThat(reimaged.path("metadata").path("generation").asLong()).isEqualTo(2);
    }

    @Test
    void updateNamingAStaleResourceVersionIsAConflict() {
        ObjectNode created = store.create(ResourceKind.POD, pod(null, "stale"), WriteOptions.NONE);
        ObjectNode first = created.deepCopy();
        first.withObjectProperty("metadata").withObjectProperty("labels").put("v", "1");
        store.update(ResourceKind.POD, first, WriteOptions.NONE);
        ObjectNode second = created.deepCopy();
        second.withObjectProperty("metadata").withObjectProperty("labels").put("v", "2");

        StatusException e = failure(() -> store.update(ResourceKind.POD, second, WriteOptions.NONE));

        assertThat(e.code()).isEqualTo(409);
        assertThat(e.reason()).isEqualTo("Conflict");
    }

    @Test
    void anUpdateThatChangesNothingWritesNothing() {
        ObjectNode created = store.create(ResourceKind.POD, pod(null, "noop"), WriteOptions.NONE);

        ObjectNode same = store.update(ResourceKind.POD, created, WriteOptions.NONE);

        assertThat(rv(same)).isEqualTo(rv(created));
    }

    @Test
    void dryRunAnswersAsIfWrittenButWritesNothing() {
        long before = store.currentRevision();
        ObjectNode created = store.create(ResourceKind.POD, pod(null, "dry"), WriteOptions.DRY_RUN);
        assertThat(meta(created, "uid")).isNotEmpty();
        assertThat(failure(() -> store.get(ResourceKind.POD, "default", "dry")).code()).isEqualTo(404);

        ObjectNode real = store.create(ResourceKind.POD, pod(null, "dry"), WriteOptions.NONE);
        ObjectNode change = real.deepCopy();
        change.withObjectProperty("metadata").withObjectProperty("labels").put("x", "y");
        ObjectNode dryUpdated = store.update(ResourceKind.POD, change, WriteOptions.DRY_RUN);
        store.delete(ResourceKind.POD, "default", "dry", new DeleteOptions(null, null, 0L, true, null));

        assertThat(dryUpdated.path("metadata").path("labels").path("x").asString()).isEqualTo("y");
        assertThat(store.get(ResourceKind.POD, "default", "dry")).isEqualTo(real);
        assertThat(store.currentRevision()).isEqualTo(revision(real)).isEqualTo(before + 1);
        assertThat(failure(() -> store.create(ResourceKind.POD, pod(null, "dry"), WriteOptions.DRY_RUN)).reason())
                .isEqualTo("AlreadyExists");
    }

    @Test
    void deletePreconditionsThatFailAreConflicts() {
        ObjectNode created = store.create(ResourceKind.POD, pod(null, "preconditions"), WriteOptions.NONE);

        assertThat(failure(() -> store.delete(ResourceKind.POD, "default", "preconditions",
                new DeleteOptions("other-uid", null, 0L, false, null))).code()).isEqualTo(409);
        assertThat(failure(() -> store.delete(ResourceKind.POD, "default", "preconditions",
                new DeleteOptions(null, "1", 0L, false, null))).code()).isEqualTo(409);

        ObjectNode deleted = store.delete(ResourceKind.POD, "default", "preconditions",
                new DeleteOptions(meta(created, "uid"), rv(created), null, false, null));
        assertThat(revision(deleted)).isGreaterThan(revision(created));
        assertThat(failure(() -> store.get(ResourceKind.POD, "default", "preconditions")).code()).isEqualTo(404);
    }

    @Test
    void aBoundPodIsOnlyMarkedUntilItsAgentDeletesItWithoutGrace() {
        ObjectNode bound = pod(null, "graceful");
        ((ObjectNode) bound.get("spec")).put("nodeName", "n1");
        ((ObjectNode) bound.get("spec")).put("terminationGracePeriodSeconds", 20);
        store.create(ResourceKind.POD, bound, WriteOptions.NONE);

        ObjectNode marked = store.delete(ResourceKind.POD, "default", "graceful", DeleteOptions.NONE);

        assertThat(marked.path("metadata").path("deletionGracePeriodSeconds").asLong()).isEqualTo(20);
        assertThat(Instant.parse(meta(marked, "deletionTimestamp"))).isAfter(Instant.now().plusSeconds(15));
        assertThat(store.get(ResourceKind.POD, "default", "graceful")).isEqualTo(marked);
        assertThat(store.delete(ResourceKind.POD, "default", "graceful", DeleteOptions.NONE)).isEqualTo(marked);

        store.delete(ResourceKind.POD, "default", "graceful", DeleteOptions.IMMEDIATE);

        assertThat(failure(() -> store.get(ResourceKind.POD, "default", "graceful")).code()).isEqualTo(404);
    }

    @Test
    void anObjectWithFinalizersIsDeletedByTheUpdateThatRemovesTheLastOne() {
        ObjectNode withFinalizers = pod(null, "finalized");
        ((ObjectNode) withFinalizers.get("metadata")).putArray("finalizers").add("example.com/a").add("example.com/b");
        store.create(ResourceKind.POD, withFinalizers, WriteOptions.NONE);

        ObjectNode marked = store.delete(ResourceKind.POD, "default", "finalized", DeleteOptions.NONE);
        assertThat(meta(marked, "deletionTimestamp")).isNotEmpty();

        ObjectNode oneLeft = marked.deepCopy();
        oneLeft.withObjectProperty("metadata").putArray("finalizers").add("example.com/b");
        ObjectNode stillThere = store.update(ResourceKind.POD, oneLeft, WriteOptions.NONE);
        assertThat(store.get(ResourceKind.POD, "default", "finalized")).isEqualTo(stillThere);

        ObjectNode none = stillThere.deepCopy();
        none.withObjectProperty("metadata").remove("finalizers");
        store.update(ResourceKind.POD, none, WriteOptions.NONE);

        assertThat(failure(() -> store.get(ResourceKind.POD, "default", "finalized")).code()).isEqualTo(404);
    }

    @Test
    void orphanAndForegroundDeletesMarkTheObjectWithTheirFinalizerAndBackgroundDeletesAtOnce() {
        store.create(ResourceKind.POD, pod(null, "orphaned"), WriteOptions.NONE);
        ObjectNode orphaned = store.delete(ResourceKind.POD, "default", "orphaned",
                DeleteOptions.propagating(PropagationPolicy.ORPHAN));
        assertThat(meta(orphaned, "deletionTimestamp")).isNotEmpty();
        assertThat(orphaned.path("metadata").path("finalizers").toString()).isEqualTo("[\"orphan\"]");

        store.create(ResourceKind.POD, pod(null, "foreground"), WriteOptions.NONE);
        ObjectNode foreground = store.delete(ResourceKind.POD, "default", "foreground",
                DeleteOptions.propagating(PropagationPolicy.FOREGROUND));
        assertThat(foreground.path("metadata").path("finalizers").toString()).isEqualTo("[\"foregroundDeletion\"]");

        store.create(ResourceKind.POD, pod(null, "background"), WriteOptions.NONE);
        store.delete(ResourceKind.POD, "default", "background", DeleteOptions.propagating(PropagationPolicy.BACKGROUND));
        assertThat(failure(() -> store.get(ResourceKind.POD, "default", "background")).code()).isEqualTo(404);
    }

    @Test
    void deletingAgainWithAnotherPolicyReplacesTheGarbageCollectorFinalizerAndKeepsOthers() {
        ObjectNode withFinalizer = pod(null, "switched");
        ((ObjectNode) withFinalizer.get("metadata")).putArray("finalizers").add("example.com/keep");
        store.create(ResourceKind.POD, withFinalizer, WriteOptions.NONE);
        ObjectNode orphaned = store.delete(ResourceKind.POD, "default", "switched",
                DeleteOptions.propagating(PropagationPolicy.ORPHAN));

        assertThat(store.delete(ResourceKind.POD, "default", "switched", DeleteOptions.NONE))
                .as("no policy keeps the earlier one").isEqualTo(orphaned);
        ObjectNode foreground = store.delete(ResourceKind.POD, "default", "switched",
                DeleteOptions.propagating(PropagationPolicy.FOREGROUND));

        assertThat(foreground.path("metadata").path("finalizers").toString())
                .isEqualTo("[\"example.com/keep\",\"foregroundDeletion\"]");
        assertThat(meta(foreground, "deletionTimestamp")).isEqualTo(meta(orphaned, "deletionTimestamp"));
        ObjectNode background = store.delete(ResourceKind.POD, "default", "switched",
                DeleteOptions.propagating(PropagationPolicy.BACKGROUND));
        assertThat(background.path("metadata").path("finalizers").toString()).isEqualTo("[\"example.com/keep\"]");
    }

    @Test
    void deletingANamespaceDeletesEverythingInItWithOneEventEach() throws Exception {
        store.create(ResourceKind.NAMESPACE, namespace("doomed"), WriteOptions.NONE);
        store.create(ResourceKind.POD, pod("doomed", "a"), WriteOptions.NONE);
        ObjectNode b = store.create(ResourceKind.POD, pod("doomed", "b"), WriteOptions.NONE);
        store.create(ResourceKind.POD, pod(null, "survivor-of-doomed"), WriteOptions.NONE);
        List<WatchEvent> podEvents = new CopyOnWriteArrayList<>();
        List<WatchEvent> namespaceEvents = new CopyOnWriteArrayList<>();
        long from = store.currentRevision();
        try (Watch pods = store.watch(ResourceKind.POD, new WatchOptions(null, null, null, from), podEvents::add);
             Watch namespaces = store.watch(ResourceKind.NAMESPACE, new WatchOptions(null, null, null, from),
                     namespaceEvents::add)) {
            ObjectNode deleted = store.delete(ResourceKind.NAMESPACE, null, "doomed", DeleteOptions.NONE);

            Eventually.until(() -> podEvents.size() == 2 && namespaceEvents.size() == 1);
            assertThat(podEvents).extracting(WatchEvent::type).containsOnly(WatchEvent.DELETED);
            assertThat(podEvents).extracting(e -> meta(e.object(), "name")).containsExactly("a", "b");
            assertThat(podEvents.get(1).object().path("metadata").path("uid")).isEqualTo(b.path("metadata").path("uid"));
            assertThat(namespaceEvents.get(0).revision()).isEqualTo(revision(deleted));
            assertThat(podEvents.get(1).revision()).isLessThan(revision(deleted));
        }
        assertThat(store.list(ResourceKind.POD, ListOptions.inNamespace("doomed")).items()).isEmpty();
        assertThat(store.get(ResourceKind.POD, "default", "survivor-of-doomed")).isNotNull();
    }

    @Test
    void unknownObjectsAreNotFound() {
        assertThat(failure(() -> store.get(ResourceKind.POD, "default", "ghost")).code()).isEqualTo(404);
        assertThat(failure(() -> store.update(ResourceKind.POD, pod(null, "ghost"), WriteOptions.NONE)).code())
                .isEqualTo(404);
        assertThat(failure(() -> store.delete(ResourceKind.POD, "default", "ghost", DeleteOptions.NONE)).code())
                .isEqualTo(404);
        assertThatThrownBy(() -> store.get(ResourceKind.NODE, null, "ghost")).isInstanceOf(StatusException.class);
    }
}
