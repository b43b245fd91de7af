# shellcheck shell=bash
# Shared helpers for bin/run, bin/test and .ci/run. Source it; do not execute it.
#
#   voelgoed_java_home        select a JDK 21+ and export JAVA_HOME / PATH
#   voelgoed_ensure_postgres  make sure PostgreSQL answers (start/install it when local)
#   voelgoed_ensure_redis     make sure Redis answers (start/install it when local)
#   voelgoed_ensure_services  both of the above
#
# Overrides: VOELGOED_PG_HOST, VOELGOED_PG_PORT, VOELGOED_REDIS_HOST, VOELGOED_REDIS_PORT
# (defaults 127.0.0.1:5432 and 127.0.0.1:6379), VOELGOED_SERVICE_WAIT_SECS (default 30).
# Services are only started or installed when their host is local (127.0.0.1/localhost/::1).
# Every function returns non-zero (after printing why) instead of exiting the caller.

VOELGOED_MIN_JAVA=21
VOELGOED_PREFERRED_JDK=/usr/lib/jvm/temurin-25-jdk-amd64

_vg_say() { printf '==> %s\n' "$*"; }
_vg_err() { printf '==> ERROR: %s\n' "$*" >&2; }

# Prints the feature release (major) of the given java binary, e.g. 25 or 8; fails if unknown.
_vg_java_major() {
    local java_bin=$1 out ver major
    [[ -x $java_bin ]] || return 1
    out=$("$java_bin" -version 2>&1) || return 1
    ver=$(printf '%s\n' "$out" | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    [[ -n $ver ]] || return 1
    if [[ $ver == 1.* ]]; then
        major=${ver#1.}
        major=${major%%[!0-9]*}
    else
        major=${ver%%[!0-9]*}
    fi
    [[ -n $major ]] || return 1
    printf '%s\n' "$major"
}

# Succeeds if $1 is a JDK (java + javac) whose major version is >= VOELGOED_MIN_JAVA.
_vg_is_good_jdk() {
    local home=${1%/} major
    [[ -n $home && -x $home/bin/java && -x $home/bin/javac ]] || return 1
    major=$(_vg_java_major "$home/bin/java") || return 1
    ((major >= VOELGOED_MIN_JAVA))
}

voelgoed_java_home() {
    local candidate chosen=""
    if [[ -n ${JAVA_HOME:-} ]] && _vg_is_good_jdk "$JAVA_HOME"; then
        chosen=${JAVA_HOME%/}
    elif _vg_is_good_jdk "$VOELGOED_PREFERRED_JDK"; then
        chosen=$VOELGOED_PREFERRED_JDK
    else
        # Newest-looking first.
        while IFS= read -r candidate; do
            if _vg_is_good_jdk "$candidate"; then
                chosen=${candidate%/}
                break
            fi
        done < <(find /usr/lib/jvm -mindepth 1 -maxdepth 1 \( -type d -o -type l \) 2>/dev/null | sort -V -r)
    fi
    if [[ -z $chosen ]]; then
        _vg_err "JDK ${VOELGOED_MIN_JAVA}+ is needed (java and javac), but none was found:" \
            "JAVA_HOME='${JAVA_HOME:-}' is not one and /usr/lib/jvm has none." \
            "Install one (e.g. Temurin 25) and/or point JAVA_HOME at it."
        return 1
    fi
    export JAVA_HOME=$chosen
    export PATH="$JAVA_HOME/bin:$PATH"
    _vg_say "Using JDK $(_vg_java_major "$JAVA_HOME/bin/java") at $JAVA_HOME"
}

_vg_is_local_host() {
    case $1 in
        127.0.0.1 | localhost | ::1 | '[::1]') return 0 ;;
        *) return 1 ;;
    esac
}

# Runs its arguments as root: directly when root, through sudo when available.
_vg_as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        _vg_err "need root (or sudo) to run: $*"
        return 1
    fi
}

_vg_apt_install() {
    _vg_say "Installing $* from Debian's packages (apt-get)"
    if ! command -v apt-get >/dev/null 2>&1; then
        _vg_err "apt-get not found; install $* by hand"
        return 1
    fi
    _vg_as_root apt-get update &&
        _vg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

# Runs "$@" with a time limit of $1 seconds when coreutils' timeout exists.
_vg_timeout() {
    local secs=$1
    shift
    if command -v timeout >/dev/null 2>&1; then
        timeout "$secs" "$@"
    else
        "$@"
    fi
}

# Plain TCP probe through bash's /dev/tcp (fallback when a client tool is missing).
_vg_tcp_open() {
    # shellcheck disable=SC2016 # expanded by the child bash
    _vg_timeout 3 bash -c ': <"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

_vg_wait_secs() { printf '%s\n' "${VOELGOED_SERVICE_WAIT_SECS:-30}"; }

# ---------------------------------------------------------------- PostgreSQL

_vg_pg_answers() {
    local host=$1 port=$2
    if command -v pg_isready >/dev/null 2>&1; then
        pg_isready -q -h "$host" -p "$port" -t 3 >/dev/null 2>&1
    else
        _vg_tcp_open "$host" "$port"
    fi
}

_vg_pg_wait() {
    local host=$1 port=$2 waited=0 limit
    limit=$(_vg_wait_secs)
    until _vg_pg_answers "$host" "$port"; do
        if ((waited >= limit)); then
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

# Newest installed cluster version under /etc/postgresql (with a 'main' cluster), if any.
_vg_pg_version() {
    local v
    v=$(find /etc/postgresql -mindepth 2 -maxdepth 2 -type d -name main 2>/dev/null |
        awk -F/ '{print $(NF-1)}' | sort -V | tail -n 1 || true)
    if [[ -z $v ]]; then
        # Server installed but no cluster yet: create one for the newest server binary.
        v=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -type d 2>/dev/null |
            awk -F/ '{print $NF}' | sort -V | tail -n 1 || true)
        [[ -n $v ]] || return 1
        if command -v pg_createcluster >/dev/null 2>&1; then
            _vg_say "Creating PostgreSQL $v cluster 'main'"
            _vg_as_root pg_createcluster "$v" main >/dev/null || return 1
        else
            return 1
        fi
    fi
    printf '%s\n' "$v"
}

# Makes TCP connections from 127.0.0.1/::1 and local sockets trusted (first match wins in pg_hba.conf).
_vg_pg_trust_local() {
    local ver=$1 hba="/etc/postgresql/$1/main/pg_hba.conf" tmp
    [[ -f $hba ]] || { _vg_err "no $hba"; return 1; }
    if grep -q '^# voelgoed: trust local connections' "$hba"; then
        return 0
    fi
    _vg_say "Setting 'trust' for local and 127.0.0.1/::1 connections in $hba"
    tmp=$(mktemp) || return 1
    {
        printf '%s\n' '# voelgoed: trust local connections (added by bin/lib/services.sh)'
        printf '%s\n' 'local   all             all                                     trust'
        printf '%s\n' 'host    all             all             127.0.0.1/32            trust'
        printf '%s\n' 'host    all             all             ::1/128                 trust'
        printf '%s\n' 'local   replication     all                                     trust'
        printf '%s\n' 'host    replication     all             127.0.0.1/32            trust'
        printf '%s\n' 'host    replication     all             ::1/128                 trust'
        cat "$hba"
    } >"$tmp" || { rm -f "$tmp"; return 1; }
    # shellcheck disable=SC2016 # expanded by the child sh
    _vg_as_root cp "$hba" "$hba.voelgoed.bak" &&
        _vg_as_root sh -c 'cat "$1" > "$2"' sh "$tmp" "$hba"
    local rc=$?
    rm -f "$tmp"
    ((rc == 0)) || return 1
    _vg_as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main reload
}

_vg_pg_login_works() {
    local host=$1 port=$2
    command -v psql >/dev/null 2>&1 || return 0 # cannot check; let the app tell
    PGCONNECT_TIMEOUT=5 psql -w -h "$host" -p "$port" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1
}

voelgoed_ensure_postgres() {
    local host=${VOELGOED_PG_HOST:-127.0.0.1} port=${VOELGOED_PG_PORT:-5432} ver
    if _vg_pg_answers "$host" "$port"; then
        _vg_say "PostgreSQL answers on $host:$port"
        return 0
    fi
    if ! _vg_is_local_host "$host"; then
        _vg_say "Waiting for remote PostgreSQL on $host:$port"
        if _vg_pg_wait "$host" "$port"; then
            _vg_say "PostgreSQL answers on $host:$port"
            return 0
        fi
        _vg_err "PostgreSQL on $host:$port does not answer (not local, so not started here)"
        return 1
    fi

    local fresh=0
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        _vg_apt_install postgresql || { _vg_err "could not install PostgreSQL"; return 1; }
        fresh=1
    fi
    ver=$(_vg_pg_version) || { _vg_err "PostgreSQL is installed but no cluster was found or created"; return 1; }

    if ! _vg_pg_answers "$host" "$port"; then
        _vg_say "Starting PostgreSQL $ver (cluster main)"
        _vg_as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start ||
            _vg_say "pg_ctlcluster start returned non-zero; waiting to see if it answers anyway"
    fi
    if ! _vg_pg_wait "$host" "$port"; then
        _vg_err "PostgreSQL did not answer on $host:$port within $(_vg_wait_secs)s" \
            "(see /var/log/postgresql/postgresql-$ver-main.log)"
        return 1
    fi
    if ! _vg_pg_login_works "$host" "$port"; then
        _vg_pg_trust_local "$ver" || { _vg_err "could not set trust auth in pg_hba.conf"; return 1; }
        sleep 1
        if ! _vg_pg_login_works "$host" "$port"; then
            _vg_err "PostgreSQL answers on $host:$port but user postgres cannot log in without a password"
            return 1
        fi
    fi
    if ((fresh)); then
        _vg_say "PostgreSQL $ver installed and answers on $host:$port"
    else
        _vg_say "PostgreSQL $ver started and answers on $host:$port"
    fi
}

# --------------------------------------------------------------------- Redis

# PING over bash's /dev/tcp (fallback when redis-cli is missing); run in a child bash.
_vg_redis_ping_tcp() {
    local line
    exec 3<>"/dev/tcp/$1/$2" || return 1
    printf 'PING\r\n' >&3
    IFS= read -r -t 3 line <&3 || return 1
    [[ ${line%$'\r'} == +PONG ]]
}

_vg_redis_answers() {
    local host=$1 port=$2 reply=""
    if command -v redis-cli >/dev/null 2>&1; then
        reply=$(_vg_timeout 5 redis-cli -h "$host" -p "$port" ping 2>/dev/null) || return 1
        [[ $reply == PONG ]]
    else
        # shellcheck disable=SC2016 # expanded by the child bash
        _vg_timeout 5 bash -c "$(declare -f _vg_redis_ping_tcp)"'; _vg_redis_ping_tcp "$0" "$1"' \
            "$host" "$port" 2>/dev/null
    fi
}

_vg_redis_wait() {
    local host=$1 port=$2 waited=0 limit
    limit=$(_vg_wait_secs)
    until _vg_redis_answers "$host" "$port"; do
        if ((waited >= limit)); then
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

voelgoed_ensure_redis() {
    local host=${VOELGOED_REDIS_HOST:-127.0.0.1} port=${VOELGOED_REDIS_PORT:-6379}
    if _vg_redis_answers "$host" "$port"; then
        _vg_say "Redis answers on $host:$port"
        return 0
    fi
    if ! _vg_is_local_host "$host"; then
        _vg_say "Waiting for remote Redis on $host:$port"
        if _vg_redis_wait "$host" "$port"; then
            _vg_say "Redis answers on $host:$port"
            return 0
        fi
        _vg_err "Redis on $host:$port does not answer (not local, so not started here)"
        return 1
    fi

    if ! command -v redis-server >/dev/null 2>&1; then
        _vg_apt_install redis-server || { _vg_err "could not install Redis"; return 1; }
        # The package may have started its own server already.
        if _vg_redis_answers "$host" "$port"; then
            _vg_say "Redis installed and answers on $host:$port"
            return 0
        fi
    fi

    _vg_say "Starting Redis on 127.0.0.1:$port"
    _vg_as_root mkdir -p /var/lib/redis /var/log/redis || return 1
    _vg_as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$port" \
        --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log ||
        _vg_say "redis-server returned non-zero; waiting to see if it answers anyway"
    if ! _vg_redis_wait "$host" "$port"; then
        _vg_err "Redis did not answer on $host:$port within $(_vg_wait_secs)s (see /var/log/redis/ci.log)"
        return 1
    fi
    _vg_say "Redis started and answers on $host:$port"
}

voelgoed_ensure_services() {
    voelgoed_ensure_postgres || return 1
    voelgoed_ensure_redis || return 1
}
