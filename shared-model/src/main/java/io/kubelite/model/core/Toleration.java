package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A pod's tolerance of matching taints; {@code operator} is Equal (the default) or Exists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Toleration(String key, String operator, String value, String effect, Long tolerationSeconds) {

    public boolean tolerates(Taint taint) {
        return tolerates(taint.key(), taint.value(), taint.effect());
    }

    /**
     * Kubernetes' matching: an empty effect matches every effect; an empty key with {@code Exists} matches every
     * taint; {@code Exists} ignores the value; {@code Equal} (the default) compares it.
     */
    public boolean tolerates(String taintKey, String taintValue, String taintEffect) {
        if (effect != null && !effect.isEmpty() && !effect.equals(taintEffect)) {
            return false;
        }
        boolean exists = "Exists".equals(operator);
        if (key == null || key.isEmpty()) {
            return exists;
        }
        if (!key.equals(taintKey)) {
            return false;
        }
        return exists || nullToEmpty(value).equals(nullToEmpty(taintValue));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
