#!/usr/bin/env bash
# Builds llama.cpp's llama-server (an OpenAI-compatible server) from the source the npm package
# node-llama-cpp ships (package/llama/gitRelease.bundle: llama.cpp release v0.5.0 for node-llama-cpp 3.22.1),
# with the system's cmake, ninja and C++ compiler. No prebuilt server is on NuGet, npm or Debian.
#
# The binary lands in a cache folder keyed by the package version and is reused when present:
#   ${QWEN3EVAL_LLAMA_SERVER_CACHE:-$HOME/.cache/qwen3eval/llama-server}/<version>/llama-server
# The LAST line of output is always the binary's absolute path (callers read it with `tail -n 1`).
# The first build takes 20-40 minutes on 2 cores (37 min measured at -j1 on a loaded machine). Set LLAMA_SERVER_JOBS to change the parallelism (default 2).
# Nothing is written inside the repository: the source is unpacked in a temporary folder that is removed.
set -euo pipefail

version="${LLAMA_SERVER_NODE_LLAMA_CPP_VERSION:-3.22.1}"
jobs="${LLAMA_SERVER_JOBS:-2}"
cache_root="${QWEN3EVAL_LLAMA_SERVER_CACHE:-$HOME/.cache/qwen3eval/llama-server}"
target_dir="$cache_root/$version"
binary="$target_dir/llama-server"

if [ -x "$binary" ]; then
  echo "llama-server $version is cached; reusing it."
  echo "$binary"
  exit 0
fi

fail() { echo "eng/llama-server.sh: $*" >&2; exit 1; }

command -v npm >/dev/null 2>&1 || fail "npm not found: the llama.cpp source comes from the npm package node-llama-cpp@$version (install Node.js/npm)."
command -v git >/dev/null 2>&1 || fail "git not found: the llama.cpp source is a git bundle inside node-llama-cpp@$version (install git)."
command -v cmake >/dev/null 2>&1 || fail "cmake not found: building llama-server needs cmake (apt-get install cmake ninja-build g++)."
command -v tar >/dev/null 2>&1 || fail "tar not found: unpacking the npm package needs tar."
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); else generator=(); fi
if ! command -v c++ >/dev/null 2>&1 && ! command -v g++ >/dev/null 2>&1 && ! command -v clang++ >/dev/null 2>&1; then
  fail "no C++ compiler found (c++, g++ or clang++): building llama-server needs one (apt-get install g++)."
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "Fetching node-llama-cpp@$version from npm ..."
npm pack --silent "node-llama-cpp@$version" >/dev/null || fail "npm pack node-llama-cpp@$version failed (is the npm registry reachable?)."
tar xzf "node-llama-cpp-$version.tgz"
bundle="package/llama/gitRelease.bundle"
[ -f "$bundle" ] || fail "node-llama-cpp@$version has no $bundle: this version does not ship the llama.cpp source."
git clone -q "$bundle" llama.cpp || fail "git clone of $bundle failed."
echo "llama.cpp source: $(git -C llama.cpp describe --tags --always 2>/dev/null || echo unknown)"

# The prebuilt-UI default downloads the web UI at configure time: it is switched off, as are OpenSSL and
# everything but the server (tests, examples, the app), so the build needs no network and builds one target.
cmake -S llama.cpp -B llama.cpp/build "${generator[@]}" \
  -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_APP=OFF \
  -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF \
  || fail "cmake configure of llama.cpp failed (see the output above)."

start=$(date +%s)
cmake --build llama.cpp/build --target llama-server -j"$jobs" || fail "building the llama-server target failed (see the output above)."
echo "Built llama-server in $(( $(date +%s) - start )) s at -j$jobs."

built=$(find llama.cpp/build -type f -name llama-server -perm -u+x | head -n 1)
[ -n "$built" ] || fail "the build finished but no llama-server binary was found under llama.cpp/build."

# Install atomically: a half-copied binary must never look cached.
mkdir -p "$target_dir"
cp "$built" "$target_dir/llama-server.tmp.$$"
mv "$target_dir/llama-server.tmp.$$" "$binary"
echo "$binary"
