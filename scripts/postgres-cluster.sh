#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, in a temporary folder, as the
# postgres user (the server refuses to run as root), on a free port.
#   eval "$(scripts/postgres-cluster.sh start)"   # exports TEST_DATABASE_URL, PG_CLUSTER_DIR
#   scripts/postgres-cluster.sh stop "$PG_CLUSTER_DIR"
set -euo pipefail

bin_dir() {
	local found
	found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	[ -n "$found" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
	echo "$found"
}

as_postgres() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
	node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

case "${1:-}" in
start)
	BIN=$(bin_dir)
	DIR=$(mktemp -d /tmp/concerto-pg.XXXXXX)
	[ "$(id -u)" = 0 ] && chown postgres: "$DIR"
	PORT=$(free_port)
	as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
	# Durability is not what the tests measure: no fsync makes them faster.
	as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
		-o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >/dev/null
	echo "export PG_CLUSTER_DIR=$DIR"
	echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
	;;
stop)
	DIR="${2:?the cluster folder printed by start}"
	as_postgres "$(bin_dir)/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
	rm -rf "$DIR"
	;;
*)
	echo "usage: $0 start | stop DIR" >&2
	exit 2
	;;
esac
