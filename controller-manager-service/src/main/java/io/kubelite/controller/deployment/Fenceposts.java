package io.kubelite.controller.deployment;

import io.kubelite.model.apps.DeploymentSpec;
import io.kubelite.model.apps.DeploymentStrategy;
import io.kubelite.model.apps.RollingUpdateDeployment;
import io.kubelite.model.meta.IntOrString;

/**
 * How far a rolling update may go above and below the desired replicas, as Kubernetes'
 * {@code ResolveFenceposts}: a percentage of surge rounds up, of unavailability down; when both come to 0 one pod
 * may be unavailable, so that the rollout can move; unavailability never exceeds the replicas. A Recreate deployment
 * (or one scaled to 0) has both 0.
 */
record Fenceposts(int maxSurge, int maxUnavailable) {

    static final String ROLLING_UPDATE = "RollingUpdate";
    static final String RECREATE = "Recreate";
    private static final IntOrString DEFAULT = IntOrString.of("25%");

    static Fenceposts of(DeploymentSpec spec) {
        if (!isRollingUpdate(spec)) {
            return new Fenceposts(0, 0);
        }
        int replicas = replicas(spec);
        RollingUpdateDeployment rolling = spec.strategy() == null ? null : spec.strategy().rollingUpdate();
        IntOrString surgeValue = rolling == null || rolling.maxSurge() == null ? DEFAULT : rolling.maxSurge();
        IntOrString unavailableValue = rolling == null || rolling.maxUnavailable() == null
                ? DEFAULT : rolling.maxUnavailable();
        int surge = surgeValue.scaledValue(replicas, true);
        int unavailable = unavailableValue.scaledValue(replicas, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new Fenceposts(surge, replicas == 0 ? 0 : Math.min(unavailable, replicas));
    }

    static boolean isRollingUpdate(DeploymentSpec spec) {
        DeploymentStrategy strategy = spec.strategy();
        return strategy == null || strategy.type() == null || ROLLING_UPDATE.equals(strategy.type());
    }

    static int replicas(DeploymentSpec spec) {
        return spec.replicas() == null ? 1 : spec.replicas();
    }
}
