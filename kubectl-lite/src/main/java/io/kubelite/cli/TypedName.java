package io.kubelite.cli;

import io.kubelite.model.ResourceKind;
import java.util.List;
import java.util.Set;

/** One object named as kubectl's commands take it: {@code deployment/web}, or {@code deployment web}. */
public record TypedName(ResourceKind kind, String name) {

    /** From the command's arguments, allowing only the given kinds (kubectl's error otherwise). */
    public static TypedName parse(List<String> arguments, Set<ResourceKind> allowed) {
        List<ResourceArguments.Selection> selections = ResourceArguments.parse(arguments);
        if (selections.size() != 1 || selections.get(0).names().size() != 1) {
            throw new UsageException("one object is needed: TYPE/NAME or TYPE NAME");
        }
        TypedName typed = new TypedName(selections.get(0).kind(), selections.get(0).names().get(0));
        if (!allowed.contains(typed.kind())) {
            throw new UsageException("no " + typed.kind().plural() + " support for this command; only "
                    + String.join(", ", allowed.stream().map(ResourceKind::plural).sorted().toList()));
        }
        return typed;
    }

    /** {@code deployment.apps/web}, {@code node/node-1}: how kubectl names an object in its messages. */
    public String display() {
        return kind.singular() + (kind.group().isEmpty() ? "" : "." + kind.group()) + "/" + name;
    }
}
