#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL naming a PostgreSQL server: the one
# already given, or a throwaway cluster started for the run and removed after.
# Without PostgreSQL installed it skips the command, or runs it without a
# server when POSTGRES_OPTIONAL=1 (the bench).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${TEST_DATABASE_URL:-}" ]; then exec "$@"; fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	if [ "${REQUIRE_POSTGRES:-}" = 1 ]; then
		echo "PostgreSQL is required here but not installed (apt-get install postgresql)." >&2
		exit 1
	fi
	# The bench runs anyway, on SQLite only.
	if [ "${POSTGRES_OPTIONAL:-}" = 1 ]; then exec "$@"; fi
	echo "⚠ PostgreSQL n’est pas installé (apt-get install postgresql) : les tests sur PostgreSQL ne sont PAS lancés." >&2
	exit 0
fi

eval "$(bash scripts/postgres-cluster.sh start)"
trap 'bash scripts/postgres-cluster.sh stop "$PG_CLUSTER_DIR"' EXIT
echo "PostgreSQL de test : $TEST_DATABASE_URL"
"$@"
