{{/*
Chart name, overridable; truncated to 63 chars, the DNS-1123 label limit.
*/}}
{{- define "aestream.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name, truncated to 63 chars (DNS-1123 label limit).
The release name is used alone when it already contains the chart name.
*/}}
{{- define "aestream.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, as used by the helm.sh/chart label.
*/}}
{{- define "aestream.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of the stream app's resources.
*/}}
{{- define "aestream.labels" -}}
{{ include "aestream.commonLabels" . }}
{{ include "aestream.selectorLabels" . }}
{{- end }}

{{/*
Labels every resource carries, whatever its component.
*/}}
{{- define "aestream.commonLabels" -}}
helm.sh/chart: {{ include "aestream.chart" . }}
app.kubernetes.io/version: {{ include "aestream.imageTag" . | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: aestream
{{- end }}

{{/*
Selector labels of the stream pods: immutable on Deployments/StatefulSets, so
nothing that changes between releases. The component keeps trainer pods out
of the Service, the PodDisruptionBudget and the ServiceMonitor.
*/}}
{{- define "aestream.selectorLabels" -}}
app.kubernetes.io/name: {{ include "aestream.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: stream
{{- end }}

{{/*
Labels of the trainer Job and its pods.
*/}}
{{- define "aestream.trainerLabels" -}}
{{ include "aestream.commonLabels" . }}
app.kubernetes.io/name: {{ include "aestream.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: trainer
{{- end }}

{{/*
Name of the service account to use.
*/}}
{{- define "aestream.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "aestream.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image tag, defaulting to the chart's appVersion.
*/}}
{{- define "aestream.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag }}
{{- end }}

{{/*
Application image reference; a digest, when given, wins over the tag.
*/}}
{{- define "aestream.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (include "aestream.imageTag" .) }}
{{- end }}
{{- end }}

{{/*
Renders a scalar for an env value. Helm reads numbers from values as float64,
which print as 1e+06; integral floats are printed as integers instead.
*/}}
{{- define "aestream.envValue" -}}
{{- if and (kindIs "float64" .) (eq . (floor .)) }}
{{- int64 . | toString | quote }}
{{- else }}
{{- toString . | quote }}
{{- end }}
{{- end }}

{{/*
Kafka client properties derived from kafkaAuth, merged under
config.extraKafkaProperties (explicit properties win).
*/}}
{{- define "aestream.kafkaProperties" -}}
{{- $auth := .Values.kafkaAuth }}
{{- $derived := dict }}
{{- $protocol := "" }}
{{- if and $auth.sasl.enabled $auth.tls.enabled }}
{{- $protocol = "SASL_SSL" }}
{{- else if $auth.sasl.enabled }}
{{- $protocol = "SASL_PLAINTEXT" }}
{{- else if $auth.tls.enabled }}
{{- $protocol = "SSL" }}
{{- end }}
{{- if $protocol }}
{{- $_ := set $derived "security.protocol" $protocol }}
{{- end }}
{{- if $auth.sasl.enabled }}
{{- $_ := set $derived "sasl.mechanism" $auth.sasl.mechanism }}
{{- end }}
{{- if $auth.tls.enabled }}
{{- $_ := set $derived "ssl.truststore.location" (printf "%s/%s" $auth.tls.mountPath $auth.tls.truststore.key) }}
{{- $_ := set $derived "ssl.truststore.type" $auth.tls.truststore.type }}
{{- if $auth.tls.keystore.enabled }}
{{- $_ := set $derived "ssl.keystore.location" (printf "%s/%s" $auth.tls.mountPath $auth.tls.keystore.key) }}
{{- $_ := set $derived "ssl.keystore.type" $auth.tls.keystore.type }}
{{- end }}
{{- end }}
{{- toYaml (merge (deepCopy .Values.config.extraKafkaProperties) $derived) }}
{{- end }}

{{/*
Env var name for a Kafka property: security.protocol -> AESTREAM_KAFKA_SECURITY_PROTOCOL.
*/}}
{{- define "aestream.kafkaEnvName" -}}
{{- printf "AESTREAM_KAFKA_%s" (regexReplaceAll "[^A-Za-z0-9]" . "_" | upper) }}
{{- end }}

{{/*
Model volume source: an existing PVC, or an emptyDir filled by the model-image init container.
*/}}
{{- define "aestream.modelVolume" -}}
{{- if and .Values.model.persistentVolumeClaim .Values.model.image.repository }}
{{- fail "model.persistentVolumeClaim and model.image.repository are mutually exclusive: pick one way to deliver the model bundle" }}
{{- end }}
{{- if .Values.model.persistentVolumeClaim }}
- name: models
  persistentVolumeClaim:
    claimName: {{ .Values.model.persistentVolumeClaim }}
{{- else if .Values.model.image.repository }}
- name: models
  emptyDir:
    sizeLimit: {{ .Values.model.image.sizeLimit }}
{{- end }}
{{- end }}

{{/*
AESTREAM_ADAPTIVE: off, on, or the path of the mounted adaptive config file.
*/}}
{{- define "aestream.adaptiveSetting" -}}
{{- $adaptive := .Values.adaptive }}
{{- if and (ne $adaptive.mode "file") $adaptive.config }}
{{- fail (printf "adaptive.config is only read with adaptive.mode=file, not %s" $adaptive.mode) }}
{{- end }}
{{- if eq $adaptive.mode "file" }}
{{- printf "%s/%s" (trimSuffix "/" $adaptive.mountPath) (include "aestream.adaptiveFile" .) }}
{{- else }}
{{- $adaptive.mode }}
{{- end }}
{{- end }}

{{/*
Name of the adaptive config file in its ConfigMap and mount.
*/}}
{{- define "aestream.adaptiveFile" -}}
adaptive.json
{{- end }}

{{/*
ConfigMap holding the adaptive config file, within the 63-char name limit.
*/}}
{{- define "aestream.adaptiveConfigMapName" -}}
{{- printf "%s-adaptive" (include "aestream.fullname" . | trunc 54 | trimSuffix "-") }}
{{- end }}
