#!/usr/bin/env bash
# The gate, the template and the tool as a user outside this repository gets them: packs every package into a temporary
# local feed, then, in a temporary folder:
#   (1) `dotnet tool install --tool-path` of qwen3eval; `qwen3eval run` and `ls baselines` there, and a model folder named
#       as Qwen names a release set against its published number (the catalogue shipped with the tool);
#   (2) `dotnet new qwen3eval-gate` from the template package; the tiny suite with its recorded runs and a `baseline: both`
#       suite of the user's own (a generated model, the user's own official number, recorded with `qwen3eval baseline
#       record`) added: `dotnet test` lists the cases with this repository's names and traits, they pass, the template's own
#       case (a model folder that is not there) skips with its reason, a changed recorded answer fails the drift gate, and
#       the `both` case fails on drift once its model is regenerated with another seed.
# .ci/run runs it after the tests. Nothing is written inside the repository but artifacts/ (git-ignored).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "consumer-check: $*" >&2; exit 1; }
feed="$work/feed"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)"
start=$SECONDS

dotnet pack "$repo/Qwen3EvalTests.sln" -o "$feed" -v q -nologo >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; fail "dotnet pack failed"; }
for id in Qwen3EvalTests Qwen3EvalTests.Inference Qwen3EvalTests.Application Qwen3EvalTests.Xunit Qwen3EvalTests.Templates qwen3eval; do
  [ -f "$feed/$id.$version.nupkg" ] || fail "dotnet pack wrote no $id.$version.nupkg"
done
# A package of the same version restored earlier would shadow the one just packed.
for id in qwen3evaltests qwen3evaltests.inference qwen3evaltests.application qwen3evaltests.xunit qwen3evaltests.templates qwen3eval; do
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/$id/$version"
done
echo "consumer-check: packed 6 packages in $((SECONDS - start)) s"

# (1) The tool, from the feed, outside the repository.
start=$SECONDS
dotnet tool install --tool-path "$work/tool" qwen3eval --version "$version" --add-source "$feed" >"$work/tool.log" 2>&1 || { cat "$work/tool.log"; fail "dotnet tool install qwen3eval failed"; }
qwen3eval="$work/tool/qwen3eval"
mkdir -p "$work/elsewhere" && cd "$work/elsewhere"
"$qwen3eval" run --benchmark mmlu >"$work/run.log" 2>&1 || { cat "$work/run.log"; fail "qwen3eval run outside the repository failed"; }
grep -q 'mmlu-qwen-5shot.json' "$work/run.log" || { cat "$work/run.log"; fail "qwen3eval run wrote no results file"; }
echo "consumer-check: qwen3eval tool installed and 'qwen3eval run --benchmark mmlu' exited 0 outside the repository ($((SECONDS - start)) s)"
"$qwen3eval" ls baselines >"$work/ls.log" 2>&1 || { cat "$work/ls.log"; fail "qwen3eval ls baselines outside the repository failed"; }
grep -q '(shipped):' "$work/ls.log" && grep -q '^qwen2-0.5b-base/mmlu ' "$work/ls.log" || { head -n 5 "$work/ls.log"; fail "qwen3eval ls baselines did not list the catalogue shipped with the tool"; }
echo "consumer-check: 'qwen3eval ls baselines' lists the catalogue shipped with the tool"
tiny_model="$(ls -d artifacts/models/tiny-bytes-*/ | head -n 1)"
mkdir -p models/Qwen2-1.5B && cp "$tiny_model"* models/Qwen2-1.5B/
"$qwen3eval" run --model models/Qwen2-1.5B --benchmark ceval --limit 1 --no-cache >"$work/run2.log" 2>&1 || { cat "$work/run2.log"; fail "qwen3eval run on a folder named Qwen2-1.5B failed"; }
grep -q '^ceval: official qwen2-1.5b-base/ceval ' "$work/run2.log" || { cat "$work/run2.log"; fail "qwen3eval run outside the repository did not set the score against the published number"; }
echo "consumer-check: 'qwen3eval run' on a folder named Qwen2-1.5B shows qwen2-1.5b-base/ceval's published number"

# (2) The template, from the same feed, in its own template hive (the machine's templates are left alone).
project="$work/consumer"
dotnet new install "$feed/Qwen3EvalTests.Templates.$version.nupkg" --debug:custom-hive "$work/hive" >"$work/new.log" 2>&1 || { cat "$work/new.log"; fail "dotnet new install Qwen3EvalTests.Templates failed"; }
dotnet new qwen3eval-gate -n MyModel.Gate.Tests -o "$project" --debug:custom-hive "$work/hive" >>"$work/new.log" 2>&1 || { cat "$work/new.log"; fail "dotnet new qwen3eval-gate failed"; }
for file in MyModel.Gate.Tests.csproj evalsuites/my-model.yaml README.md baselines/README.md .github/workflows/gate.yml .config/dotnet-tools.json; do
  [ -f "$project/$file" ] || fail "dotnet new qwen3eval-gate wrote no $file"
done
grep -q "Include=\"Qwen3EvalTests.Xunit\" Version=\"$version\"" "$project/MyModel.Gate.Tests.csproj" || fail "the template does not reference Qwen3EvalTests.Xunit $version"
echo "consumer-check: dotnet new qwen3eval-gate wrote the project, its suite, README, workflow and tool manifest"
cat >"$project/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
# The user adds the tiny suite with its recorded runs and approved snapshots ...
mkdir -p "$project/baselines/runs"
cp "$repo/evalsuites/tiny.yaml" "$project/evalsuites/"
cp -r "$repo/baselines/runs/tiny" "$project/baselines/runs/"
cp "$repo"/tests/Qwen3EvalTests.Gate.Tests/Snapshots/prompt-*.approved.txt "$project/Snapshots/"
# ... and a suite of their own: a generated model gated by both checks against their own official number (chance level,
# 30 points of tolerance, so that the drift check decides).
cat >"$project/baselines/official.json" <<'JSON'
{"schemaVersion": 1, "sources": {"OWN1": {"title": "our evaluation notes", "where": "docs/eval.md"}},
 "baselines": [
   {"id": "my-tiny/mmlu", "model": "my-tiny", "modelId": "my-tiny", "kind": "base", "benchmark": "mmlu", "score": 25.0,
    "shots": 5, "protocolNote": "qwen", "splitNote": "test", "source": "OWN1", "sourceIds": ["OWN1"], "status": "V", "gate": true,
    "tolerance": 30, "toleranceNote": "chance level; drift decides"}]}
JSON
write_mine() {
  cat >"$project/evalsuites/mine.yaml" <<YAML
schemaVersion: 1
name: mine
family: tiny
baseline: both
tolerance: {points: 30.0, widenToInterval: true}
benchmarks:
  - {name: mmlu, kind: base, protocol: qwen, shots: 5, scoring: next-token, chat: false, limit: 10}
models:
  - id: my-tiny
    kind: base
    folder: my-tiny
    generated: {seed: $1, tokenizer: bytes}
YAML
}
write_mine 1
cd "$project"
start=$SECONDS
"$qwen3eval" baseline record --suite mine >"$work/record.log" 2>&1 || { cat "$work/record.log"; fail "qwen3eval baseline record --suite mine failed in the consumer folder"; }
[ -f baselines/runs/mine/my-tiny/mmlu.json ] || { cat "$work/record.log"; fail "baseline record wrote no baselines/runs/mine/my-tiny/mmlu.json"; }
echo "consumer-check: 'qwen3eval baseline record --suite mine' recorded baselines/runs/mine/my-tiny/mmlu.json ($((SECONDS - start)) s)"

start=$SECONDS
dotnet test --logger "trx;LogFileName=gate.trx" --results-directory "$work/trx" >"$work/test1.log" 2>&1 || { tail -n 60 "$work/test1.log"; fail "dotnet test of the project dotnet new qwen3eval-gate wrote failed"; }
summary="$(grep -E '^(Passed|Failed)!' "$work/test1.log" | tail -n 1)"
echo "consumer-check: $summary ($((SECONDS - start)) s)"
grep -Eq 'Passed: +[1-9]' <<<"$summary" || fail "no gate case passed: $summary"
python3 - "$work/trx/gate.trx" <<'PY' || fail "the test results do not show the expected cases (see above)"
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
results = {r.get("testName"): r for r in root.iterfind(".//t:UnitTestResult", ns)}
def outcome(prefix):
    hits = [r for name, r in results.items() if name.startswith(prefix)]
    if not hits:
        print(f"no test named {prefix}* among {len(results)}", file=sys.stderr); sys.exit(1)
    return hits[0]
for name in ["tiny-bytes-seed1 · mmlu · qwen · 5-shot", "tiny-planted-a · mmlu5-fixture · qwen · 5-shot", "my-tiny · mmlu · qwen · 5-shot"]:
    r = outcome(name)
    if r.get("outcome") != "Passed":
        print(f"{name}: {r.get('outcome')}, expected Passed", file=sys.stderr); sys.exit(1)
official = outcome("qwen3-0.6b-base · mmlu · qwen · 5-shot")
reason = "".join(official.itertext())
if official.get("outcome") != "NotExecuted" or ("EvalModelsDir" not in reason and "models" not in reason):
    print(f"the template's own case: {official.get('outcome')}, {reason[:300]!r}; expected a skip naming the models folder", file=sys.stderr); sys.exit(1)
print("consumer-check: cases named as in this repository passed; the template's case skipped: " + " ".join(reason.split())[:160])
PY
dotnet test --no-build --filter "Suite=mine" >"$work/filter.log" 2>&1 || { tail -n 30 "$work/filter.log"; fail "dotnet test --filter Suite=mine failed"; }
grep -Eq 'Passed: +1,.*Total: +1,' "$work/filter.log" || { grep -E '^(Passed|Failed)!' "$work/filter.log"; fail "the Suite trait did not select the one case of suite mine"; }
echo "consumer-check: --filter Suite=mine runs exactly its one case (the traits of this repository)"

# The drift gate: one recorded answer changed must fail its case and name the drift.
recorded="baselines/runs/tiny/tiny-bytes-seed1/mmlu.json"
cp "$recorded" "$work/recorded.json"
python3 - "$recorded" <<'PY'
import json, sys
path = sys.argv[1]
run = json.load(open(path, encoding="utf-8"))
q = run["questions"][0]
q["predicted"] = "B" if q["predicted"] != "B" else "C"
json.dump(run, open(path, "w", encoding="utf-8"), indent=2)
PY
if dotnet test --no-build --filter "Suite=tiny" >"$work/test2.log" 2>&1; then
  fail "changing a recorded answer did not fail the drift gate"
fi
grep -q 'Drift in tiny-bytes-seed1 · mmlu · qwen · 5-shot' "$work/test2.log" || { tail -n 40 "$work/test2.log"; fail "the failing run does not name the drift"; }
cp "$work/recorded.json" "$recorded"
echo "consumer-check: a changed recorded answer fails 'tiny-bytes-seed1 · mmlu · qwen · 5-shot' with its drift"

# baseline: both — the model regenerated with another seed flips answers against the recording: the drift check fails it.
write_mine 2
if dotnet test --no-build --filter "Suite=mine" >"$work/test3.log" 2>&1; then
  fail "the both case passed on a model regenerated with another seed"
fi
grep -Eiq 'drift: [0-9]+ of [0-9]+ answers flipped' "$work/test3.log" || { tail -n 40 "$work/test3.log"; fail "the failing both case does not name the drift check"; }
echo "consumer-check: the both case fails on drift after its model is regenerated with seed 2 ($(grep -Eio 'drift: [0-9]+ of [0-9]+ answers flipped' "$work/test3.log" | head -n 1))"
