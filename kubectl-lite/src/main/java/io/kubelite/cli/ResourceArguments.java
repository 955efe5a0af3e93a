package io.kubelite.cli;

import io.kubelite.model.ResourceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a command names, in kubectl's forms: {@code pods}, {@code pods,nodes}, {@code pod web db} or
 * {@code pod/web deploy/api}.
 */
public final class ResourceArguments {

    /** A kind and the names asked for (none: all of them). */
    public record Selection(ResourceKind kind, List<String> names) {
    }

    private ResourceArguments() { }

    public static List<Selection> parse(List<String> arguments) {
        if (arguments == null || arguments.isEmpty()) {
            throw new UsageException("you must specify the type of resource to get. Use \"kubectl-lite "
                    + "api-resources\" for a complete list of supported resources");
        }
        if (arguments.stream().allMatch(a -> a.contains("/"))) {
            Map<ResourceKind, List<String>> byKind = new LinkedHashMap<>();
            for (String argument : arguments) {
                int slash = argument.indexOf('/');
                String name = argument.substring(slash + 1);
                if (name.isEmpty()) {
                    throw new UsageException("arguments in resource/name form must have a single resource and name");
                }
                byKind.computeIfAbsent(ResourceTypes.resolve(argument.substring(0, slash)), k -> new ArrayList<>())
                        .add(name);
            }
            List<Selection> selections = new ArrayList<>();
            byKind.forEach((kind, names) -> selections.add(new Selection(kind, List.copyOf(names))));
            return selections;
        }
        if (arguments.stream().anyMatch(a -> a.contains("/"))) {
            throw new UsageException("there is no need to specify a resource type as a separate argument when "
                    + "passing arguments in resource/name form (e.g. 'kubectl-lite get resource/<resource_name>' "
                    + "instead of 'kubectl-lite get resource resource/<resource_name>'");
        }
        List<String> names = List.copyOf(arguments.subList(1, arguments.size()));
        List<ResourceKind> kinds = Arrays.stream(arguments.get(0).split(","))
                .filter(type -> !type.isEmpty())
                .map(ResourceTypes::resolve)
                .toList();
        if (kinds.size() > 1 && !names.isEmpty()) {
            throw new UsageException("names may only be given with a single resource type");
        }
        return kinds.stream().map(kind -> new Selection(kind, names)).toList();
    }
}
