{{/*
Pod template shared by the Deployment and the StatefulSet.
*/}}
{{- define "aestream.podTemplate" -}}
metadata:
  annotations:
    checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
    {{- with .Values.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  labels:
    {{- include "aestream.labels" . | nindent 4 }}
    {{- with .Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  {{- with .Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  serviceAccountName: {{ include "aestream.serviceAccountName" . }}
  automountServiceAccountToken: {{ .Values.serviceAccount.automount }}
  securityContext:
    {{- toYaml .Values.podSecurityContext | nindent 4 }}
  terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
  {{- with .Values.priorityClassName }}
  priorityClassName: {{ . }}
  {{- end }}
  {{- if .Values.model.image.repository }}
  initContainers:
    - name: model
      image: {{ printf "%s:%s" .Values.model.image.repository (required "model.image.tag is required with model.image.repository" .Values.model.image.tag) | quote }}
      imagePullPolicy: {{ .Values.model.image.pullPolicy }}
      # Exec form without a shell: the model image needs nothing but cp.
      command:
        - cp
        - -R
        - {{ .Values.model.image.path | quote }}
        - {{ .Values.model.path | quote }}
      securityContext:
        {{- toYaml .Values.securityContext | nindent 8 }}
      resources:
        {{- toYaml .Values.model.image.resources | nindent 8 }}
      volumeMounts:
        - name: models
          mountPath: {{ .Values.model.mountPath }}
  {{- end }}
  containers:
    - name: {{ .Chart.Name }}
      image: {{ include "aestream.image" . | quote }}
      imagePullPolicy: {{ .Values.image.pullPolicy }}
      args:
        - stream
      ports:
        - name: http
          containerPort: {{ .Values.config.httpPort }}
          protocol: TCP
      envFrom:
        - configMapRef:
            name: {{ include "aestream.fullname" . }}
        {{- with .Values.extraEnvFrom }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with include "aestream.env" . | trim }}
      env:
        {{- . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml .Values.securityContext | nindent 8 }}
      {{- with .Values.startupProbe }}
      startupProbe:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.livenessProbe }}
      livenessProbe:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.readinessProbe }}
      readinessProbe:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      resources:
        {{- toYaml .Values.resources | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        - name: state
          mountPath: {{ .Values.config.stateDir }}
        {{- if or .Values.model.persistentVolumeClaim .Values.model.image.repository }}
        - name: models
          mountPath: {{ .Values.model.mountPath }}
          readOnly: true
        {{- end }}
        {{- if .Values.kafkaAuth.tls.enabled }}
        - name: kafka-tls
          mountPath: {{ .Values.kafkaAuth.tls.mountPath }}
          readOnly: true
        {{- end }}
        {{- if eq .Values.adaptive.mode "file" }}
        - name: adaptive
          mountPath: {{ .Values.adaptive.mountPath }}
          readOnly: true
        {{- end }}
        {{- with .Values.extraVolumeMounts }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
  volumes:
    # The root filesystem is read-only; the JVM and JavaCPP's native cache write here.
    - name: tmp
      emptyDir:
        sizeLimit: 512Mi
    {{- if not .Values.statefulSet.enabled }}
    - name: state
      emptyDir:
        sizeLimit: {{ .Values.stateEmptyDir.sizeLimit }}
    {{- end }}
    {{- with include "aestream.modelVolume" . | trim }}
    {{- . | nindent 4 }}
    {{- end }}
    {{- if .Values.kafkaAuth.tls.enabled }}
    - name: kafka-tls
      secret:
        secretName: {{ required "kafkaAuth.tls.secretName is required when kafkaAuth.tls.enabled" .Values.kafkaAuth.tls.secretName }}
        defaultMode: 0440
    {{- end }}
    {{- if eq .Values.adaptive.mode "file" }}
    - name: adaptive
      configMap:
        name: {{ include "aestream.adaptiveConfigMapName" . }}
    {{- end }}
    {{- with .Values.extraVolumes }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with .Values.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .Values.topologySpreadConstraints }}
  topologySpreadConstraints:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}

{{/*
Container env beyond the ConfigMap: Secret references and pod-specific values.
*/}}
{{- define "aestream.env" -}}
{{- if .Values.kafkaAuth.sasl.enabled }}
- name: AESTREAM_KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ required "kafkaAuth.sasl.jaasConfigSecret.name is required when kafkaAuth.sasl.enabled" .Values.kafkaAuth.sasl.jaasConfigSecret.name }}
      key: {{ .Values.kafkaAuth.sasl.jaasConfigSecret.key }}
{{- end }}
{{- if .Values.kafkaAuth.tls.enabled }}
{{- with .Values.kafkaAuth.tls.truststore.passwordKey }}
- name: AESTREAM_KAFKA_SSL_TRUSTSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.kafkaAuth.tls.secretName }}
      key: {{ . }}
{{- end }}
{{- if .Values.kafkaAuth.tls.keystore.enabled }}
{{- with .Values.kafkaAuth.tls.keystore.passwordKey }}
- name: AESTREAM_KAFKA_SSL_KEYSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.kafkaAuth.tls.secretName }}
      key: {{ . }}
{{- end }}
{{- with .Values.kafkaAuth.tls.keystore.keyPasswordKey }}
- name: AESTREAM_KAFKA_SSL_KEY_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.kafkaAuth.tls.secretName }}
      key: {{ . }}
{{- end }}
{{- end }}
{{- end }}
{{- if and .Values.statefulSet.enabled .Values.statefulSet.staticMembership }}
- name: AESTREAM_KAFKA_GROUP_INSTANCE_ID
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}
