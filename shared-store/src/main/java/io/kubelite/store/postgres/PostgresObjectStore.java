package io.kubelite.store.postgres;

import io.kubelite.model.ResourceKind;
import io.kubelite.model.Status;
import io.kubelite.model.StatusException;
import io.kubelite.model.validation.Admission;
import io.kubelite.store.BindResult;
import io.kubelite.store.Binding;
import io.kubelite.store.DeleteOptions;
import io.kubelite.store.ListOptions;
import io.kubelite.store.ObjectList;
import io.kubelite.store.ObjectStore;
import io.kubelite.store.PropagationPolicy;
import io.kubelite.store.Watch;
import io.kubelite.store.WatchEvent;
import io.kubelite.store.WatchListener;
import io.kubelite.store.WatchOptions;
import io.kubelite.store.WriteOptions;
import io.kubelite.store.config.DefaultNamespaces;
import io.kubelite.store.selection.SelectableFields;
import io.kubelite.store.selection.Selection;
import io.kubelite.store.watch.WatchDispatcher;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link ObjectStore} on PostgreSQL. All Java work (JSON, defaulting, validation, reading the old
 * row) happens on the caller's thread before the write is handed to the store's {@link WriteBatcher},
 * which makes the writes queued meanwhile in one transaction; each is one locked {@code kubelite_write}
 * (compare-and-swap write, change-log insert, notification; see V1__object_store.sql). Close the store
 * to stop its writer thread.
 */
public class PostgresObjectStore implements ObjectStore, AutoCloseable {

    private static final long NOT_AS_EXPECTED = -1;
    private static final long NAMESPACE_MISSING = -2;
    /** Unconditional writes retry on a concurrent change; this bounds a pathological livelock. */
    private static final int MAX_ATTEMPTS = 100;
    private static final int GENERATED_NAME_ATTEMPTS = 8;
    private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final long DEFAULT_POD_GRACE_SECONDS = 30;
    private static final String POD_SCHEDULED = "PodScheduled";
    private static final List<String> SERVER_SET_METADATA = List.of(
            "uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshotRead;
    private final WatchDispatcher dispatcher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final WriteBatcher writer;

    public PostgresObjectStore(DataSource dataSource, WatchDispatcher dispatcher, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.writer = new WriteBatcher(dataSource);
        this.snapshotRead = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.snapshotRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshotRead.setReadOnly(true);
        this.dispatcher = dispatcher;
        this.clock = clock;
        writer.start();
    }

    /** Stops the writer thread; writes still waiting for it, and later ones, fail with 503 ServiceUnavailable. */
    @Override
    public void close() {
        writer.close();
    }

    // ---- create ------------------------------------------------------------------------------

    @Override
    public ObjectNode create(ResourceKind kind, ObjectNode request, WriteOptions options) {
        ObjectNode object = request.deepCopy();
        object.put("apiVersion", kind.apiVersion());
        object.put("kind", kind.kind());
        ObjectNode metadata = ObjectMetadata.of(object);
        String namespace = namespaceFor(kind, metadata.path("namespace").asString(""), metadata);
        String generateName = metadata.path("generateName").asString("");
        boolean generated = metadata.path("name").asString("").isEmpty() && !generateName.isEmpty();
        if (generated) {
            metadata.put("name", generateName + randomSuffix());
        }
        metadata.remove(List.of("resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds"));
        metadata.put("uid", UUID.randomUUID().toString());
        metadata.put("creationTimestamp", timestamp(clock.instant()));
        metadata.put("generation", 1);
        Admission.applyDefaults(kind, object);
        String name = metadata.path("name").asString("");
        List<Status.Cause> causes = new ArrayList<>(Admission.validate(kind, object));
        if (name.isEmpty() && causes.stream().noneMatch(c -> "metadata.name".equals(c.field()))) {
            causes.add(Status.Cause.required("metadata.name"));
        }
        if (!causes.isEmpty()) {
            throw StatusException.invalid(kind, name, causes);
        }

        for (int attempt = 1; ; attempt++) {
            if (options.dryRun()) {
                checkCreatable(kind, namespace, name);
                return object;
            }
            SelectableFields fields = SelectableFields.of(object);
            long revision = write(WatchEvent.ADDED, kind, namespace, name, null, object, fields, null);
            if (revision == NAMESPACE_MISSING) {
                throw StatusException.notFound(ResourceKind.NAMESPACE, namespace);
            }
            if (revision != NOT_AS_EXPECTED) {
                return ObjectMetadata.withVersion(object, revision);
            }
            if (!generated || attempt == GENERATED_NAME_ATTEMPTS) {
                throw StatusException.alreadyExists(kind, name);
            }
            name = generateName + randomSuffix();
            metadata.put("name", name);
        }
    }

    private void checkCreatable(ResourceKind kind, String namespace, String name) {
        if (kind.namespaced() && read(ResourceKind.NAMESPACE, "", namespace).isEmpty()) {
            throw StatusException.notFound(ResourceKind.NAMESPACE, namespace);
        }
        if (read(kind, namespace, name).isPresent()) {
            throw StatusException.alreadyExists(kind, name);
        }
    }

    // ---- get / list ----------------------------------------------------------------------------

    @Override
    public ObjectNode get(ResourceKind kind, String namespace, String name) {
        return read(kind, keyNamespace(kind, namespace), name)
                .map(StoredObject::toApi)
                .orElseThrow(() -> StatusException.notFound(kind, name));
    }

    @Override
    public ObjectList list(ResourceKind kind, ListOptions options) {
        Selection selection = new Selection(kind.namespaced() ? options.namespace() : null,
                options.labelSelector(), options.fieldSelector());
        ContinueToken after = options.continueToken() == null || options.continueToken().isEmpty()
                ? null : ContinueToken.decode(options.continueToken());
        if (options.limit() < 0) {
            throw StatusException.badRequest("limit must not be negative");
        }
        return snapshotRead.execute(tx -> listInSnapshot(kind, selection, options.limit(), after));
    }

    private ObjectList listInSnapshot(ResourceKind kind, Selection selection, int limit, ContinueToken after) {
        long revision = currentRevision();
        if (after != null) {
            long compacted = compactedRevision();
            if (after.revision() < compacted) {
                throw StatusException.gone(after.revision(), compacted);
            }
            revision = after.revision();
        }
        StringBuilder sql = new StringBuilder("SELECT namespace, name, resource_version, data::text");
        sql.append(limit > 0 ? ", count(*) OVER () AS matching" : "").append(" FROM objects WHERE kind = ?");
        List<Object> args = new ArrayList<>(List.of(kind.kind()));
        selection.appendSqlConditions(sql, args);
        if (after != null) {
            sql.append(" AND (namespace, name) > (?, ?)");
            args.add(after.namespace());
            args.add(after.name());
        }
        sql.append(" ORDER BY namespace, name");
        if (limit > 0) {
            sql.append(" LIMIT ?");
            args.add(limit);
        }
        List<ObjectNode> items = new ArrayList<>();
        long[] matching = {0};
        String[] lastKey = new String[2];
        jdbc.query(sql.toString(), (ResultSet rs) -> {
            lastKey[0] = rs.getString(1);
            lastKey[1] = rs.getString(2);
            items.add(StoredObject.parse(rs.getString(4), rs.getLong(3)).toApi());
            if (limit > 0) {
                matching[0] = rs.getLong(5);
            }
        }, args.toArray());
        long remaining = matching[0] - items.size();
        if (limit > 0 && remaining > 0) {
            String token = new ContinueToken(revision, lastKey[0], lastKey[1]).encode();
            return new ObjectList(items, revision, token, remaining);
        }
        return new ObjectList(items, revision, null, null);
    }

    // ---- update / updateStatus -----------------------------------------------------------------

    @Override
    public ObjectNode update(ResourceKind kind, ObjectNode object, WriteOptions options) {
        return replace(kind, object, options, false);
    }

    @Override
    public ObjectNode updateStatus(ResourceKind kind, ObjectNode object, WriteOptions options) {
        return replace(kind, object, options, true);
    }

    private ObjectNode replace(ResourceKind kind, ObjectNode request, WriteOptions options, boolean statusOnly) {
        String name = ObjectMetadata.text(request, "name");
        if (name.isEmpty()) {
            throw StatusException.invalid(kind, name, List.of(Status.Cause.required("metadata.name")));
        }
        String namespace = namespaceFor(kind, ObjectMetadata.text(request, "namespace"), null);
        Long requestedVersion = requestedVersion(kind, name, ObjectMetadata.text(request, "resourceVersion"));
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            StoredObject old = read(kind, namespace, name).orElseThrow(() -> StatusException.notFound(kind, name));
            if (requestedVersion != null && requestedVersion != old.version()) {
                throw StatusException.staleResourceVersion(kind, name);
            }
            String requestedUid = ObjectMetadata.text(request, "uid");
            String storedUid = ObjectMetadata.text(old.data(), "uid");
            if (!requestedUid.isEmpty() && !requestedUid.equals(storedUid)) {
                throw StatusException.conflict(kind, name, "Precondition failed: UID in precondition: "
                        + requestedUid + ", UID in object meta: " + storedUid);
            }
            ObjectNode next = statusOnly ? withStatusOf(old.data(), request) : withMetadataAndSpecOf(kind, old.data(), request);
            Admission.applyDefaults(kind, next);
            if (!statusOnly) {
                long generation = old.data().path("metadata").path("generation").asLong(1);
                boolean specChanged = !old.data().path("spec").equals(next.path("spec"));
                ObjectMetadata.putNumber(next, "generation", specChanged ? generation + 1 : generation);
            }
            List<Status.Cause> causes = new ArrayList<>(Admission.validate(kind, next));
            causes.addAll(Admission.validateUpdate(kind, next, old.data()));
            if (!causes.isEmpty()) {
                throw StatusException.invalid(kind, name, causes);
            }
            if (next.equals(old.data())) {
                return old.toApi();
            }
            boolean lastFinalizerRemoved = ObjectMetadata.isMarkedForDeletion(old.data())
                    && ObjectMetadata.hasFinalizers(old.data()) && !ObjectMetadata.hasFinalizers(next)
                    && ObjectMetadata.deletionGracePeriodSeconds(old.data()) == 0;
            if (options.dryRun()) {
                return ObjectMetadata.withVersion(next, old.version());
            }
            long revision = write(lastFinalizerRemoved ? WatchEvent.DELETED : WatchEvent.MODIFIED, kind, namespace,
                    name, old.version(), next, SelectableFields.of(next), SelectableFields.of(old.data()));
            if (revision != NOT_AS_EXPECTED) {
                return ObjectMetadata.withVersion(next, revision);
            }
            if (requestedVersion != null) {
                throw StatusException.staleResourceVersion(kind, name);
            }
        }
        throw StatusException.conflict(kind, name, "too many concurrent writes, try again");
    }

    private static ObjectNode withMetadataAndSpecOf(ResourceKind kind, ObjectNode old, ObjectNode request) {
        ObjectNode next = request.deepCopy();
        next.put("apiVersion", kind.apiVersion());
        next.put("kind", kind.kind());
        ObjectNode metadata = ObjectMetadata.of(next);
        metadata.remove("resourceVersion");
        ObjectMetadata.copyField(old, next, "namespace");
        for (String field : SERVER_SET_METADATA) {
            ObjectMetadata.copyField(old, next, field);
        }
        JsonNode status = old.get("status");
        if (status == null) {
            next.remove("status");
        } else {
            next.set("status", status.deepCopy());
        }
        return next;
    }

    private static ObjectNode withStatusOf(ObjectNode old, ObjectNode request) {
        ObjectNode next = old.deepCopy();
        JsonNode status = request.get("status");
        if (status == null) {
            next.remove("status");
        } else {
            next.set("status", status.deepCopy());
        }
        return next;
    }

    private static Long requestedVersion(ResourceKind kind, String name, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw StatusException.badRequest("invalid resourceVersion \"" + text + "\" for " + kind.plural()
                    + " \"" + name + "\"");
        }
    }

    // ---- bind ----------------------------------------------------------------------------------

    @Override
    public ObjectNode bind(Binding binding) {
        BindResult result = bindAll(List.of(binding)).get(0);
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.pod();
    }

    @Override
    public ObjectNode bind(Binding binding, WriteOptions options) {
        if (!options.dryRun()) {
            return bind(binding);
        }
        StoredObject old = readPods(List.of(binding))
                .get(new PodKey(keyNamespace(ResourceKind.POD, binding.namespace()), binding.name()));
        ObjectNode next = boundPod(binding, old, timestamp(clock.instant()));
        return ObjectMetadata.withVersion(next, old.version());
    }

    @Override
    public List<BindResult> bindAll(List<Binding> bindings) {
        BindResult[] results = new BindResult[bindings.size()];
        List<Integer> open = IntStream.range(0, bindings.size()).boxed().toList();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && !open.isEmpty(); attempt++) {
            open = bindOnce(bindings, open, results);
        }
        for (int i : open) {
            results[i] = BindResult.failed(StatusException.conflict(ResourceKind.POD, bindings.get(i).name(),
                    "too many concurrent writes, try again"));
        }
        return Arrays.asList(results);
    }

    /**
     * Reads the pods of the open bindings in one query, queues every write, then waits for them. Returns the
     * bindings without a resourceVersion precondition whose pod changed between the read and the write, to be
     * made again against the pod as it is now.
     */
    private List<Integer> bindOnce(List<Binding> bindings, List<Integer> open, BindResult[] results) {
        Map<PodKey, StoredObject> pods = readPods(open.stream().map(bindings::get).toList());
        String now = timestamp(clock.instant());
        List<Integer> written = new ArrayList<>(open.size());
        List<ObjectNode> objects = new ArrayList<>(open.size());
        List<CompletableFuture<Long>> revisions = new ArrayList<>(open.size());
        for (int i : open) {
            Binding binding = bindings.get(i);
            String namespace = keyNamespace(ResourceKind.POD, binding.namespace());
            StoredObject old = pods.get(new PodKey(namespace, binding.name()));
            try {
                ObjectNode next = boundPod(binding, old, now);
                revisions.add(writer.submit(new Write(WatchEvent.MODIFIED, ResourceKind.POD, namespace, binding.name(),
                        old.version(), ObjectMetadata.text(next, "uid"), SelectableFields.of(next),
                        SelectableFields.of(old.data()), next)));
                written.add(i);
                objects.add(next);
            } catch (StatusException e) {
                results[i] = BindResult.failed(e);
            }
        }
        List<Integer> again = new ArrayList<>();
        for (int k = 0; k < written.size(); k++) {
            int i = written.get(k);
            try {
                long revision = revisions.get(k).join();
                if (revision != NOT_AS_EXPECTED) {
                    results[i] = BindResult.bound(ObjectMetadata.withVersion(objects.get(k), revision));
                } else if (bindings.get(i).resourceVersion() != null) {
                    results[i] = BindResult.failed(StatusException.staleResourceVersion(ResourceKind.POD,
                            bindings.get(i).name()));
                } else {
                    again.add(i);
                }
            } catch (CompletionException e) {
                results[i] = BindResult.failed(e.getCause() instanceof RuntimeException cause ? cause : e);
            }
        }
        return again;
    }

    private record PodKey(String namespace, String name) { }

    private Map<PodKey, StoredObject> readPods(List<Binding> bindings) {
        String[] namespaces = bindings.stream().map(b -> keyNamespace(ResourceKind.POD, b.namespace()))
                .toArray(String[]::new);
        String[] names = bindings.stream().map(Binding::name).toArray(String[]::new);
        Map<PodKey, StoredObject> pods = new HashMap<>();
        jdbc.query("SELECT namespace, name, data::text, resource_version FROM objects"
                        + " WHERE kind = ? AND (namespace, name) IN (SELECT * FROM unnest(?::text[], ?::text[]))",
                statement -> {
                    statement.setString(1, ResourceKind.POD.kind());
                    statement.setArray(2, statement.getConnection().createArrayOf("text", namespaces));
                    statement.setArray(3, statement.getConnection().createArrayOf("text", names));
                },
                (ResultSet rs) -> {
                    pods.put(new PodKey(rs.getString(1), rs.getString(2)),
                            StoredObject.parse(rs.getString(3), rs.getLong(4)));
                });
        return pods;
    }

    /**
     * The pod with {@code spec.nodeName} set and {@code PodScheduled=True}, as Kubernetes' binding leaves it; it
     * does not go through update's rules, so generation stays (Kubernetes' binding does not bump it either).
     */
    private static ObjectNode boundPod(Binding binding, StoredObject old, String now) {
        String name = binding.name();
        if (old == null) {
            throw StatusException.notFound(ResourceKind.POD, name);
        }
        checkPreconditions(ResourceKind.POD, name, old, binding.uid(), binding.resourceVersion());
        if (binding.nodeName() == null || binding.nodeName().isEmpty()) {
            throw StatusException.invalid(ResourceKind.POD, name, List.of(Status.Cause.required("target.name")));
        }
        if (ObjectMetadata.isMarkedForDeletion(old.data())) {
            throw StatusException.conflict(ResourceKind.POD, name,
                    "pod " + name + " is being deleted, cannot be assigned to a host");
        }
        String assigned = old.data().path("spec").path("nodeName").asString("");
        if (!assigned.isEmpty()) {
            throw StatusException.conflict(ResourceKind.POD, name,
                    "pod " + name + " is already assigned to node \"" + assigned + "\"");
        }
        ObjectNode next = old.data().deepCopy();
        ObjectNode spec = next.get("spec") instanceof ObjectNode existing ? existing : next.putObject("spec");
        spec.put("nodeName", binding.nodeName());
        setPodScheduled(next, now);
        List<Status.Cause> causes = Admission.validate(ResourceKind.POD, next);
        if (!causes.isEmpty()) {
            throw StatusException.invalid(ResourceKind.POD, name, causes);
        }
        return next;
    }

    /** Replaces the PodScheduled condition, or adds it, with status True since {@code now}. */
    private static void setPodScheduled(ObjectNode pod, String now) {
        ObjectNode status = pod.get("status") instanceof ObjectNode existing ? existing : pod.putObject("status");
        ArrayNode conditions = status.get("conditions") instanceof ArrayNode existing
                ? existing : status.putArray("conditions");
        ObjectNode scheduled = conditions.objectNode();
        scheduled.put("type", POD_SCHEDULED);
        scheduled.put("status", "True");
        scheduled.put("lastTransitionTime", now);
        for (int i = 0; i < conditions.size(); i++) {
            if (POD_SCHEDULED.equals(conditions.get(i).path("type").asString())) {
                conditions.set(i, scheduled);
                return;
            }
        }
        conditions.add(scheduled);
    }

    // ---- delete --------------------------------------------------------------------------------

    @Override
    public ObjectNode delete(ResourceKind kind, String namespaceOrNull, String name, DeleteOptions options) {
        if (kind == ResourceKind.NAMESPACE && DefaultNamespaces.NAMES.contains(name)) {
            throw StatusException.forbidden(kind, name, "this namespace may not be deleted");
        }
        String namespace = keyNamespace(kind, namespaceOrNull);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            StoredObject old = read(kind, namespace, name).orElseThrow(() -> StatusException.notFound(kind, name));
            checkPreconditions(kind, name, old, options.preconditionUid(), options.preconditionResourceVersion());
            long grace = gracePeriodSeconds(kind, old.data(), options);
            ObjectNode finalized = withPropagationFinalizer(old.data(), options.propagationPolicy());
            boolean waits = grace > 0 || ObjectMetadata.hasFinalizers(finalized);
            boolean marked = ObjectMetadata.isMarkedForDeletion(old.data());
            boolean keepsDeadline = marked && grace >= ObjectMetadata.deletionGracePeriodSeconds(old.data());
            if (waits && keepsDeadline && finalized.equals(old.data())) {
                return old.toApi();
            }
            ObjectNode next = !waits ? old.data() : keepsDeadline ? finalized : markedForDeletion(finalized, grace);
            if (options.dryRun()) {
                return waits ? ObjectMetadata.withVersion(next, old.version()) : old.toApi();
            }
            SelectableFields previous = SelectableFields.of(old.data());
            long revision = write(waits ? WatchEvent.MODIFIED : WatchEvent.DELETED, kind, namespace, name,
                    old.version(), next, SelectableFields.of(next), previous);
            if (revision != NOT_AS_EXPECTED) {
                return ObjectMetadata.withVersion(next, revision);
            }
            if (options.preconditionResourceVersion() != null) {
                throw StatusException.staleResourceVersion(kind, name);
            }
        }
        throw StatusException.conflict(kind, name, "too many concurrent writes, try again");
    }

    private static void checkPreconditions(ResourceKind kind, String name, StoredObject old, String preconditionUid,
                                           String preconditionResourceVersion) {
        String uid = ObjectMetadata.text(old.data(), "uid");
        if (preconditionUid != null && !preconditionUid.equals(uid)) {
            throw StatusException.conflict(kind, name, "Precondition failed: UID in precondition: "
                    + preconditionUid + ", UID in object meta: " + uid);
        }
        String version = Long.toString(old.version());
        if (preconditionResourceVersion != null && !preconditionResourceVersion.equals(version)) {
            throw StatusException.conflict(kind, name, "Precondition failed: ResourceVersion in precondition: "
                    + preconditionResourceVersion + ", ResourceVersion in object meta: " + version);
        }
    }

    /** Only a pod bound to a node waits for its grace period: its node agent must stop it first. */
    private static long gracePeriodSeconds(ResourceKind kind, ObjectNode object, DeleteOptions options) {
        if (kind != ResourceKind.POD || object.path("spec").path("nodeName").asString("").isEmpty()) {
            return 0;
        }
        if (options.gracePeriodSeconds() != null) {
            return Math.max(0, options.gracePeriodSeconds());
        }
        return object.path("spec").path("terminationGracePeriodSeconds").asLong(DEFAULT_POD_GRACE_SECONDS);
    }

    /**
     * The object with the garbage collector's finalizers set for the policy, as Kubernetes' delete sets them: an
     * explicit policy replaces {@code orphan} / {@code foregroundDeletion} with its own (none for Background);
     * no policy leaves them as they are.
     */
    private static ObjectNode withPropagationFinalizer(ObjectNode object, PropagationPolicy policy) {
        if (policy == null) {
            return object;
        }
        List<String> finalizers = new ArrayList<>();
        object.path("metadata").path("finalizers").forEach(f -> finalizers.add(f.asString()));
        List<String> next = new ArrayList<>(finalizers);
        for (PropagationPolicy other : PropagationPolicy.values()) {
            other.finalizer().ifPresent(next::remove);
        }
        policy.finalizer().ifPresent(next::add);
        if (next.equals(finalizers)) {
            return object;
        }
        ObjectNode changed = object.deepCopy();
        if (next.isEmpty()) {
            ObjectMetadata.of(changed).remove("finalizers");
        } else {
            ArrayNode array = ObjectMetadata.of(changed).putArray("finalizers");
            next.forEach(array::add);
        }
        return changed;
    }

    private ObjectNode markedForDeletion(ObjectNode object, long grace) {
        ObjectNode marked = object.deepCopy();
        ObjectNode metadata = ObjectMetadata.of(marked);
        metadata.put("deletionTimestamp", timestamp(clock.instant().plusSeconds(grace)));
        ObjectMetadata.putNumber(marked, "deletionGracePeriodSeconds", grace);
        return marked;
    }

    // ---- watch and revisions -------------------------------------------------------------------

    @Override
    public Watch watch(ResourceKind kind, WatchOptions options, WatchListener listener) {
        Selection selection = new Selection(kind.namespaced() ? options.namespace() : null,
                options.labelSelector(), options.fieldSelector());
        long compacted = compactedRevision();
        if (options.fromRevision() < compacted) {
            throw StatusException.gone(options.fromRevision(), compacted);
        }
        return dispatcher.register(kind, selection, options.fromRevision(), listener);
    }

    @Override
    public long currentRevision() {
        return jdbc.queryForObject("SELECT kubelite_current_revision()", Long.class);
    }

    /** The newest revision removed from the change log: watches and continue tokens need a later one. */
    public long compactedRevision() {
        return jdbc.queryForObject("SELECT revision FROM compacted_revision", Long.class);
    }

    // ---- rows ----------------------------------------------------------------------------------

    private Optional<StoredObject> read(ResourceKind kind, String namespace, String name) {
        List<StoredObject> rows = jdbc.query(
                "SELECT data::text, resource_version FROM objects WHERE kind = ? AND namespace = ? AND name = ?",
                (ResultSet rs, int row) -> StoredObject.parse(rs.getString(1), rs.getLong(2)),
                kind.kind(), namespace, name);
        return rows.stream().findFirst();
    }

    private long write(String type, ResourceKind kind, String namespace, String name, Long expectedVersion,
                       ObjectNode object, SelectableFields fields, SelectableFields previous) {
        return writer.write(new Write(type, kind, namespace, name, expectedVersion, ObjectMetadata.text(object, "uid"),
                fields, previous, object));
    }

    // ---- names ---------------------------------------------------------------------------------

    /**
     * The namespace an object is stored under: "default" when a namespaced object names none, ""
     * for cluster-scoped kinds, which must not name one.
     */
    private static String namespaceFor(ResourceKind kind, String requested, ObjectNode metadataToFill) {
        if (!kind.namespaced()) {
            if (!requested.isEmpty()) {
                throw StatusException.invalid(kind, "", List.of(Status.Cause.forbidden("metadata.namespace",
                        "not allowed on a cluster-scoped resource")));
            }
            return "";
        }
        String namespace = requested.isEmpty() ? "default" : requested;
        if (metadataToFill != null) {
            metadataToFill.put("namespace", namespace);
        }
        return namespace;
    }

    private static String keyNamespace(ResourceKind kind, String namespace) {
        if (!kind.namespaced()) {
            return "";
        }
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }

    private String randomSuffix() {
        StringBuilder suffix = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            suffix.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
        }
        return suffix.toString();
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
