# Sourced by .ci/run: a throwaway PostgreSQL on 127.0.0.1 for the app backend's tests, exported as
# TIERWISE_TEST_PG (the PostgreSQL tests skip, loudly, only when it is absent). Runs as the postgres
# user when we are root (initdb refuses root), on the first free port from 54329, stopped when the run exits.
if [ -z "${TIERWISE_TEST_PG:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  PG_DIR="$(mktemp -d /tmp/tierwise-pg.XXXXXX)"
  as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; fi
  as_pg "$PG_BIN/initdb -D $PG_DIR/data -A trust -U postgres >/dev/null"
  PG_PORT=""
  for port in $(seq "${TIERWISE_TEST_PG_PORT:-54329}" 54399); do
    if as_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -o '-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c max_connections=200' -l $PG_DIR/log -w start >/dev/null 2>&1"; then
      PG_PORT="$port"
      break
    fi
  done
  if [ -z "$PG_PORT" ]; then echo "could not start PostgreSQL on any port 54329-54399: see $PG_DIR/log" >&2; exit 1; fi
  trap 'as_pg "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast -w stop >/dev/null"; rm -rf "$PG_DIR"' EXIT
  export TIERWISE_TEST_PG="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
fi
