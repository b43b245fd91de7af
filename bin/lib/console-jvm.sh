# shellcheck shell=bash
# The JVM options the operations console runs with: the ONE place bin/console and `bin/bench console` take
# them from, so the bench starts the console exactly as a user does.
#
#   source bin/lib/console-jvm.sh; console_jvm_options /abs/path/console.jar   # fills CONSOLE_JVM_OPTS (and
#                                             # CONSOLE_CDS_ARCHIVE: the per-user archive a start writes, or "")
#   bash bin/lib/console-jvm.sh /abs/path/console.jar                          # prints them, one a line
#
# Needs JAVA_HOME (the JDK that will run the console). Reads:
#   VOELGOED_CACHE       per-user cache root (default ${XDG_CACHE_HOME:-~/.cache}/voelgoed)
#   VOELGOED_FX_CACHE    where JavaFX unpacks its native libraries (default $VOELGOED_CACHE/openjfx); a kiosk
#                        account with a read-only home points it (and VOELGOED_CACHE) elsewhere
#   VOELGOED_CONSOLE_CDS off: no class-data-sharing archive; user: not the build's, only the per-user one (to
#                        compare, or to rule either out)
#
# Class-data sharing (AppCDS): classes are mapped from archives instead of being parsed and verified again at
# every start (first data on screen ~0.7-1.9 s sooner, issue 14), in two layers:
# - base: console.jsa, the static archive `mvn package` writes beside console.jar from every class the jar and its
#   libs/ hold and what a headless training start of the console loads (JDK classes, lambdas: ClassArchive,
#   ADR 0031), so a user's first start maps one too. Used while its
#   stamp holds (built_archive_holds); otherwise the JDK's own base archive.
# - top: what a real run loads beyond the base (lambda classes, more JDK classes; everything, over the JDK's
#   base), written at a normal JVM exit to $VOELGOED_CACHE/cds/console-KEY.jsa and mapped by the next start: the
#   first start after a new jar writes it (-XX:+AutoCreateSharedArchive), which also re-creates a layer the JVM
#   finds stale. KEY is a checksum of the jar's, its libs/', the JDK's and the base's sizes and mtimes: a rebuilt
#   jar or another JDK gets a new file instead of two setups rewriting one archive in turn.
# An archive records the class path; the JVM maps it only when the class path at run time starts with the same
# entries (console.jar, then its manifest's libs/), so anything added must go at the end (the bench's probe).
# Archives of other keys untouched for two weeks are removed.

# The base `mvn package` writes beside console.jar (ClassArchive) holds while each jar it was written from still
# has the size and time it had and the JDK running it has the module image it was written with. A rebuilt jar
# without a new archive, or another JDK, falls back to the JDK's base.
built_archive_holds() {
    local archive=$1 kind size mtime path file
    [[ -f $archive && -f $archive.stamp ]] || return 1
    while read -r kind size mtime path; do
        case $kind in
            jdk) file=$JAVA_HOME/lib/modules ;;
            jar) file=$path ;;
            *) return 1 ;;
        esac
        [[ $(stat -L -c '%s %Y' -- "$file" 2>/dev/null) == "$size $mtime" ]] || return 1
    done < "$archive.stamp"
}

console_jvm_options() {
    local jar=$1
    CONSOLE_CDS_ARCHIVE=""
    local cache=${VOELGOED_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/voelgoed}
    # C1 only (ADR 0032): the console's own work is light; C2's compiles took a third of a start's CPU and
    # competed with the FX thread (and with a backend on the same small machine) for no gain measured under load
    CONSOLE_JVM_OPTS=(--enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1
        "-Djavafx.cachedir=${VOELGOED_FX_CACHE:-$cache/openjfx}")
    [[ ${VOELGOED_CONSOLE_CDS:-on} != off ]] || return 0
    local built
    built=$(dirname "$jar")/console.jsa
    local base=""
    if [[ ${VOELGOED_CONSOLE_CDS:-on} != user ]] && built_archive_holds "$built"; then
        base=$built
    fi
    local dir=$cache/cds key archive
    # no writable cache (read-only home): the build's archive alone, or none, rather than warn at every exit
    if ! { mkdir -p "$dir" 2>/dev/null && [[ -w $dir ]]; }; then
        [[ -z $base ]] || CONSOLE_JVM_OPTS+=("-XX:SharedArchiveFile=$base" '-Xlog:cds*=off,aot*=off')
        return 0
    fi
    # the per-user archive is a layer over its base (the build's or the JDK's): a new base gets a new key
    key=$(stat -L -c '%n %s %Y' "$jar" "$(dirname "$jar")"/libs/*.jar "$JAVA_HOME/lib/modules" ${base:+"$base"} \
        2>/dev/null | cksum | cut -d ' ' -f 1)
    archive=$dir/console-$key.jsa
    # A dump cut short (the JVM killed while it writes at exit) leaves a file whose header, written last, is
    # zeros: the JVM then refuses it, turns sharing off altogether (the JDK's own base archive too) and does not
    # replace it. A file without the dynamic archive's magic (0xf00baba8) is removed, so this start writes anew.
    if [[ -f $archive && $(od -An -tx1 -N4 "$archive" 2>/dev/null | tr -d ' \n') != a8ab0bf0 ]]; then
        rm -f "$archive"
    fi
    find "$dir" -maxdepth 1 -name 'console-*.jsa' ! -name "console-$key.jsa" -mtime +14 -delete 2>/dev/null || true
    # the dump at exit warns of each class it leaves out (JFR events, proxies), and every start reports as an
    # error that --enable-native-access turns off the base archive's optimized module handling (the archive still
    # maps): not the user's business, so the archive stays quiet on the console (the bench logs it to a file)
    CONSOLE_JVM_OPTS+=("-XX:SharedArchiveFile=${base:+$base:}$archive" -XX:+AutoCreateSharedArchive
        '-Xlog:cds*=off,aot*=off')
    CONSOLE_CDS_ARCHIVE=$archive
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    [[ $# -eq 1 && -n ${JAVA_HOME:-} ]] || { echo "usage: JAVA_HOME=... $0 /abs/path/console.jar" >&2; exit 2; }
    console_jvm_options "$1"
    printf '%s\n' "${CONSOLE_JVM_OPTS[@]}"
fi
