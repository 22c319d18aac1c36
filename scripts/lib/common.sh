# Shared by the scripts in scripts/: where things are, and how to speak.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DEPS="$ROOT/build/deps"
export NODE_PATH=/usr/share/nodejs

log()  { printf '\033[1m[linli]\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[33m[linli] warning:\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[31m[linli] error:\033[0m %s\n' "$*" >&2; exit 1; }
