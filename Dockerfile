# Etiquette Guard policy server and add-in files, for IT support (docs/deploy.md).
#
#   docker build --build-arg ADDIN_HOST=https://addin.example.org -t etiquette-guard .
#   docker run -d -p 3000:3000 -v eg-data:/data -e EG_PUBLIC_ORIGIN=https://addin.example.org etiquette-guard
#
# It serves plain HTTP on port 3000 for a TLS-terminating reverse proxy in front of it
# (compose.yaml uses Caddy, which gets a real certificate). Configured by the EG_* settings of
# docs/server.md. The database lives on the /data volume; back it up with
#   docker compose exec etiquette-guard node bin/etiquette-guard.js admin backup /data/backup-$(date +%F).sqlite

ARG NODE_IMAGE=node:20.19.5-bookworm-slim

# ---- build: compiles better-sqlite3, the add-in bundles and the server ----
FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# `prepare` (build:cli) needs the sources, so scripts run after they are copied.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
ARG ADDIN_HOST=https://localhost:3000
ENV ADDIN_HOST=${ADDIN_HOST}
RUN npm rebuild better-sqlite3 \
 && npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ---- run: only what the server needs, as the unprivileged `node` user ----
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    EG_HOST=0.0.0.0 \
    EG_PORT=3000 \
    EG_HTTP=1 \
    EG_TRUST_PROXY=1 \
    EG_DEVELOPMENT=0 \
    EG_DATA_DIR=/data \
    EG_DIST_DIR=/app/dist
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/lib ./lib
COPY --from=build --chown=node:node /app/bin ./bin
COPY --from=build --chown=node:node /app/dist ./dist
RUN mkdir -p /data && chown node:node /data && chmod 700 /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.EG_PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "lib/server/main.js", "--production"]
