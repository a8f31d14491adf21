# syntax=docker/dockerfile:1.7
# aestream: one image for both commands of the production jar (cli module: trainer
# and stream app; no embedded broker, demo or Kafka test kit, see ProductionJarIT).
#   docker run IMAGE                  -> stream app (Kafka Streams, HTTP on 8080)
#   docker run IMAGE train ARGS...    -> model trainer, writes a bundle directory
# Build: docker build -t aestream:0.1.0 .   (BuildKit is required for the cache mount)

# ---- build stage -------------------------------------------------------------
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
# .dockerignore lets in only the POMs and sources, so editing docs or dashboards
# does not invalidate this layer.
COPY . .
# The cache mount keeps ~/.m2 between builds without baking it into a layer.
# -am builds the modules the production CLI depends on; the cli module shades
# them, with only the linux-x86_64 native classifiers, into
# cli/target/aestream-cli.jar. The development launcher is not built.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -DskipTests -pl cli -am package \
 && test -s cli/target/aestream-cli.jar

# ---- runtime stage -----------------------------------------------------------
# Pinned JRE (not JDK) on Ubuntu 22.04: glibc is needed by the bundled
# linux-x86_64 OpenBLAS/ND4J natives, which rules out Alpine/musl.
FROM eclipse-temurin:17.0.13_11-jre-jammy AS runtime

ARG AESTREAM_UID=10001
ARG AESTREAM_GID=10001

# A fixed numeric UID/GID so Kubernetes runAsUser/fsGroup and volume ownership
# line up with the image; no login shell, no home directory to write into.
RUN groupadd --system --gid "${AESTREAM_GID}" aestream \
 && useradd --system --uid "${AESTREAM_UID}" --gid "${AESTREAM_GID}" \
      --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin aestream \
 && mkdir -p /app /models /var/lib/aestream \
 && chown "${AESTREAM_UID}:${AESTREAM_GID}" /models /var/lib/aestream

# The jar stays root-owned and read-only for the runtime user.
COPY --from=build --chmod=0444 /build/cli/target/aestream-cli.jar /app/aestream.jar

# MaxRAMPercentage sizes the heap from the cgroup memory limit instead of the
# node's RAM. 75% leaves the rest for metaspace, thread stacks, RocksDB state
# stores and ND4J's off-heap buffers; the trainer, which is off-heap heavy,
# should be run with a lower value (the Helm chart does so).
# ExitOnOutOfMemoryError: a JVM that hit OOM is in an unknown state; exit and
# let the orchestrator restart it rather than keep consuming half-broken.
# Kept in JAVA_TOOL_OPTIONS (not in ENTRYPOINT) so operators can override them.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    AESTREAM_MODEL_PATH=/models/current \
    AESTREAM_STATE_DIR=/var/lib/aestream \
    AESTREAM_HTTP_PORT=8080
# /models and /var/lib/aestream are meant to be mounted (model bundle, Kafka
# Streams state). No VOLUME instruction: it would leave an anonymous volume
# behind every `docker run` and freeze the directories for derived images.

USER 10001:10001
WORKDIR /app
EXPOSE 8080

# Kubernetes ignores HEALTHCHECK and uses the chart's liveness/readiness probes
# (/health/live, /health/ready). This one serves plain `docker run` and Compose.
# The Temurin jammy images install wget (and curl) in their base layer, so no
# extra package is needed; a `java` probe would start a second JVM every 30s.
# Note it also runs for `train` containers, where "unhealthy" is expected noise.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD wget -q -O /dev/null "http://127.0.0.1:${AESTREAM_HTTP_PORT}/health/live" || exit 1

# Exec form: java is PID 1 and receives SIGTERM directly, so the shutdown hook
# closes the Kafka Streams client and commits offsets within the grace period.
# JavaCPP unpacks native libraries into a cache dir, by default under $HOME,
# which does not exist here and is read-only in Kubernetes; /tmp is writable
# (an emptyDir in the chart).
ENTRYPOINT ["java", "-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp", "-jar", "/app/aestream.jar"]
CMD ["stream"]
