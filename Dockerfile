# syntax=docker/dockerfile:1
# The Polis runtime as a container image: build once with the dev dependencies, ship only the compiled
# output and the production dependencies, run as the unprivileged `node` user.
#
#   docker build -t polis-runtime .
#   docker compose up -d          # the whole production-like topology (docker-compose.yml)

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: install everything, compile every workspace with `tsc -b`, build the web apps ------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first: the `npm ci` layer is reused until a package.json or the lockfile changes.
COPY package.json package-lock.json ./
COPY engine/package.json engine/
COPY runtime/package.json runtime/
COPY designer/package.json designer/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY engine engine
COPY runtime runtime
COPY designer designer
RUN npm run build && npm run build:web -- --force

# --- deps: production dependencies only, from the same lockfile ---------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY engine/package.json engine/
COPY runtime/package.json runtime/
COPY designer/package.json designer/
# The workspaces stay linked (node_modules/@polis/* -> ../../<workspace>), so the runtime finds the
# engine's compiled output copied in below.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime image ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE}
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/var/lib/polis
WORKDIR /app
COPY --from=deps /app ./
COPY --from=build /app/engine/dist engine/dist
COPY --from=build /app/runtime/dist runtime/dist
COPY --from=build /app/designer/dist designer/dist
# The web apps (staff app at /app), built by Vite.
COPY --from=build /app/runtime/web/dist runtime/web/dist
# The procedures and their forms are loaded at start-up.
COPY process-definitions process-definitions
COPY forms forms
# The data directory belongs to `node`: a fresh named volume mounted here inherits that ownership.
RUN mkdir -p "$DATA_DIR" && chown node:node "$DATA_DIR"
USER node
EXPOSE 3000
# Slim images have no curl: Node's own fetch asks /healthz (the process is alive).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# main.ts handles SIGTERM itself (graceful shutdown within SHUTDOWN_TIMEOUT_MS), so node can be PID 1.
CMD ["node", "--enable-source-maps", "runtime/dist/src/main.js"]
