# Sourced by ./sandkernel, ./bench.sh, ./test.sh and .ci/run: finds a JDK >= 21 and exports
# JAVA_HOME and PATH for it, so Maven and java run on it whatever the default java is.
# Order: $JAVA_HOME when it is >= 21, then the newest JDK under the usual install locations.

sandkernel_java_major() { # prints the major version of the JDK at $1, or nothing
    local release="$1/release" version
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
    if [ -f "$release" ]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release")
    else
        version=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    version=${version#1.}
    printf '%s\n' "${version%%[.+-]*}"
}

sandkernel_find_jdk() {
    local candidate major best="" best_major=0
    if [ -n "${JAVA_HOME:-}" ]; then
        major=$(sandkernel_java_major "$JAVA_HOME")
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then
            printf '%s\n' "$JAVA_HOME"
            return 0
        fi
    fi
    for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
        "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
        [ -d "$candidate" ] || continue
        major=$(sandkernel_java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
            best="$candidate"
            best_major="$major"
        fi
    done
    if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
        major=$(sandkernel_java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then best="$candidate"; fi
    fi
    [ -n "$best" ] || return 1
    printf '%s\n' "$best"
}

if ! SANDKERNEL_JDK=$(sandkernel_find_jdk); then
    echo "sandkernel: needs a JDK 21 or newer (java and javac), and found none." >&2
    echo "  Looked at JAVA_HOME (${JAVA_HOME:-unset}) and under /usr/lib/jvm, /usr/java, /opt." >&2
    echo "  Install one (for example: apt-get install openjdk-21-jdk) or point JAVA_HOME at it." >&2
    exit 1
fi
export JAVA_HOME="$SANDKERNEL_JDK"
export PATH="$JAVA_HOME/bin:$PATH"

# Maven 3.8 itself uses sun.misc.Unsafe; newer JDKs warn about it on every run.
if [ "$(sandkernel_java_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
    case " ${MAVEN_OPTS:-} " in
        *sun-misc-unsafe-memory-access*) ;;
        *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
fi
