{{/* The name of every object: the release's name, with the chart's name unless it already holds it. */}}
{{- define "kube-lite.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "kube-lite.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector labels of one component; call with (dict "root" $ "component" "api-server"). */}}
{{- define "kube-lite.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "kube-lite.image" -}}
{{ printf "%s/%s:%s" .root.Values.image.repository .component (.root.Values.image.tag | default .root.Chart.AppVersion) }}
{{- end -}}

{{/*
The container of one component; call with (dict "root" $ "component" "api-server" "values" .Values.apiServer).
Database credentials from the Secret, settings from the ConfigMap (Spring Boot reads config/application.yml
beside the jar), probes on the actuator's readiness and liveness groups.
*/}}
{{- define "kube-lite.container" -}}
- name: {{ .component }}
  image: {{ include "kube-lite.image" . }}
  imagePullPolicy: {{ .root.Values.image.pullPolicy }}
  ports:
    - name: http
      containerPort: {{ .values.port }}
  env:
    - name: SERVER_PORT
      value: {{ .values.port | quote }}
    - name: JAVA_TOOL_OPTIONS
      value: {{ .values.javaOptions | quote }}
    {{- range $variable, $key := dict "KUBELITE_DB_URL" "url" "KUBELITE_DB_USER" "user" "KUBELITE_DB_PASSWORD" "password" }}
    - name: {{ $variable }}
      valueFrom:
        secretKeyRef:
          name: {{ include "kube-lite.fullname" $.root }}-database
          key: {{ $key }}
    {{- end }}
    {{- with .extraEnv }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  volumeMounts:
    - name: settings
      mountPath: /app/config/application.yml
      subPath: {{ .component }}.yml
      readOnly: true
    {{- with .extraVolumeMounts }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  startupProbe:
    httpGet:
      path: /actuator/health/liveness
      port: http
    periodSeconds: 2
    failureThreshold: 60
  livenessProbe:
    httpGet:
      path: /actuator/health/liveness
      port: http
    periodSeconds: 10
    failureThreshold: 3
  readinessProbe:
    httpGet:
      path: /actuator/health/readiness
      port: http
    periodSeconds: 5
    failureThreshold: 2
  {{- with .values.resources }}
  resources:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{/* Pod annotations that roll the pods when the settings or the database credentials change. */}}
{{- define "kube-lite.checksums" -}}
checksum/settings: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
checksum/database: {{ include (print .Template.BasePath "/secret.yaml") . | sha256sum }}
{{- end -}}
