#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the DB tests.
#
#   source .ci/pg-cluster.sh            start a cluster, export ORGEVAL_TEST_PG_URL,
#                                       stop + delete it when the shell exits (EXIT trap)
#   source .ci/pg-cluster.sh functions  only define pg_bindir / pg_start / pg_stop
#   .ci/pg-cluster.sh CMD [ARGS...]     run CMD against a cluster that lives as long as CMD
#
# The cluster listens on a unix socket inside its own temp dir only (no TCP), so it never
# clashes with a system PostgreSQL or with another run, and trust auth needs no password.
# Deliberately no `set -e` here: this file may be sourced into an interactive shell.

# Directory of the PostgreSQL server binaries. Debian keeps them off PATH, in
# /usr/lib/postgresql/<version>/bin; prefer what PATH has, else the newest version.
pg_bindir() {
    local d
    if d=$(command -v initdb 2>/dev/null); then
        dirname "$(readlink -f "$d")"
        return 0
    fi
    d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    [[ -n "$d" && -x "$d/initdb" ]] && echo "$d"
}

# PostgreSQL refuses to run as root, so root hands the server over to the postgres user.
_pg_as_owner() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
    local port=${ORGEVAL_PG_PORT:-54329} locale=C dir
    pg_stop # sourcing twice must not leak the first cluster

    _orgeval_pg_bin=$(pg_bindir) \
        || { echo "pg-cluster: initdb not found (apt-get install postgresql)" >&2; return 1; }
    # /tmp rather than $TMPDIR: the postgres user must reach it, and unix socket paths are
    # limited to ~107 bytes.
    dir=$(mktemp -d /tmp/orgeval-pg.XXXXXX) || return 1
    _orgeval_pg_dir=$dir
    trap pg_stop EXIT # installed before anything can fail, so a half-started cluster is cleaned too
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir" || return 1; fi

    # C.UTF-8 gives UTF-8 ctype for Chinese text; minimal images may lack it.
    if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale=C.UTF-8; fi

    # cd: the postgres user may not be allowed into the caller's working directory.
    (cd "$dir" && _pg_as_owner "$_orgeval_pg_bin/initdb" -D "$dir/data" -A trust -U postgres \
        --encoding=UTF8 --locale="$locale") >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; echo "pg-cluster: initdb failed" >&2; return 1; }
    # -l: keep the server's output off our stdout (a CI log pipe would otherwise stay open).
    (cd "$dir" && _pg_as_owner "$_orgeval_pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-k $dir -c listen_addresses='' -p $port" start) >/dev/null \
        || { cat "$dir/server.log" >&2; echo "pg-cluster: server did not start" >&2; return 1; }
    "$_orgeval_pg_bin/createdb" -h "$dir" -p "$port" -U postgres orgeval_test \
        || { echo "pg-cluster: createdb failed" >&2; return 1; }

    export ORGEVAL_TEST_PG_URL="postgresql+psycopg://postgres@/orgeval_test?host=$dir&port=$port"
    echo "pg-cluster: up; psql \"host=$dir port=$port user=postgres dbname=orgeval_test\"" >&2
}

# Safe to call any number of times; never fails, so it cannot change the exit code of the
# script whose EXIT trap runs it.
pg_stop() {
    # Only ever delete what pg_start made, whatever the variable may hold.
    [[ ${_orgeval_pg_dir:-} == /tmp/orgeval-pg.* ]] || return 0
    if [[ -f "$_orgeval_pg_dir/data/postmaster.pid" ]]; then
        (cd "$_orgeval_pg_dir" && _pg_as_owner "$_orgeval_pg_bin/pg_ctl" \
            -D "$_orgeval_pg_dir/data" -m immediate -w stop) >/dev/null 2>&1 || true
    fi
    rm -rf "$_orgeval_pg_dir" || true
    unset _orgeval_pg_dir ORGEVAL_TEST_PG_URL
    trap - EXIT
    return 0
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then # executed, not sourced
    [[ $# -gt 0 ]] || { echo "usage: $0 CMD [ARGS...]  (or: source $0)" >&2; exit 2; }
    pg_start || exit 1
    "$@"
    exit $?
fi
case "${1:-start}" in
start) pg_start ;;
functions) ;;
*) echo "pg-cluster.sh: unknown argument '$1' (start|functions)" >&2; return 2 ;;
esac
